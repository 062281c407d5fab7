FROM alpine:3.20
RUN apk upgrade --no-cache && apk add --no-cache bash curl
COPY run.sh /run.sh
CMD ["/run.sh"]
