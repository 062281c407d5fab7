FROM apache/kafka:3.7.0
USER root
RUN apk add --no-cache jq
COPY healthcheck.sh /usr/local/bin/healthcheck.sh
USER 1000:1000
