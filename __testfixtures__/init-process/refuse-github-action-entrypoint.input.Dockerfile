FROM alpine:3.20

RUN apk add --no-cache bash git jq

COPY entrypoint.sh cleanup.sh /
ENTRYPOINT ["/entrypoint.sh"]
