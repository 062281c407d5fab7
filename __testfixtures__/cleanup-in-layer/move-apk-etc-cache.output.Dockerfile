FROM alpine:3.19
RUN apk add git && rm -rf /etc/apk/cache/*
CMD ["git"]
