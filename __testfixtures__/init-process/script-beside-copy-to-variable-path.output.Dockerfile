FROM alpine:3.24 AS tini
RUN apk add --no-cache tini-static

FROM quay.io/debezium/kafka:3.3
COPY --from=tini /sbin/tini-static /sbin/tini

USER root
COPY docker-entrypoint.sh /
COPY --chown=kafka:kafka log4j.properties $KAFKA_HOME/config/log4j.properties
RUN chmod +x /docker-entrypoint.sh
USER kafka

ENTRYPOINT ["/sbin/tini", "--", "/docker-entrypoint.sh"]
CMD ["start"]
