FROM alpine:3.20
RUN apk -U upgrade && apk add --no-cache tzdata
ENV TZ=Europe/Paris
CMD ["date"]
