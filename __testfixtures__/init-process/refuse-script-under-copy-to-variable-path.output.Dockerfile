FROM quay.io/debezium/kafka:3.3

USER root
COPY docker-entrypoint.sh /
COPY overrides/docker-entrypoint.sh $ENTRYPOINT_DIR/docker-entrypoint.sh
USER kafka

ENTRYPOINT ["/docker-entrypoint.sh"]
CMD ["start"]
