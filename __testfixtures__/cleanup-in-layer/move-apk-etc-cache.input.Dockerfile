FROM alpine:3.19
RUN apk add git
RUN rm -rf /etc/apk/cache/*
CMD ["git"]
