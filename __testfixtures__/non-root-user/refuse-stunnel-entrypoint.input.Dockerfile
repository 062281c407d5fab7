FROM alpine:3.20
RUN apk add --no-cache stunnel openssl
COPY docker-entrypoint.sh /entrypoint.sh
VOLUME /etc/stunnel
ENTRYPOINT ["/entrypoint.sh"]
