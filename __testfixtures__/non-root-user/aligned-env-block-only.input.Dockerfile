FROM alpine:3.20
ENV     RELAY_LISTEN=0.0.0.0:8080
ENV     RELAY_LOG_LEVEL=info
ENV     RELAY_LOG_FORMAT=json
ENV     RELAY_UPSTREAM=http://backend:9000
ENV     RELAY_TIMEOUT=30s
ENV     RELAY_RETRIES=3
COPY relay /usr/local/bin/relay
ENTRYPOINT ["/usr/local/bin/relay"]
