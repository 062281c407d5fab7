FROM alpine:3.20
RUN apk -U upgrade --no-cache && apk add --no-cache tzdata
ENV TZ=Europe/Paris
CMD ["date"]
