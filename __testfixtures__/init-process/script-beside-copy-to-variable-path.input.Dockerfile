FROM quay.io/debezium/kafka:3.3

USER root
COPY docker-entrypoint.sh /
COPY --chown=kafka:kafka log4j.properties $KAFKA_HOME/config/log4j.properties
RUN chmod +x /docker-entrypoint.sh
USER kafka

ENTRYPOINT ["/docker-entrypoint.sh"]
CMD ["start"]
