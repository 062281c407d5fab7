FROM eclipse-temurin:17-jre
ENV ZOO_DATA_DIR=/data
COPY docker-entrypoint.sh /
ENTRYPOINT ["/docker-entrypoint.sh"]
CMD ["zkServer.sh", "start-foreground"]
