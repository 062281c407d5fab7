FROM alpine:3.20
RUN apk update && apk upgrade && apk add bash curl
COPY run.sh /run.sh
CMD ["/run.sh"]
