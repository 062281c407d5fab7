FROM apache/kafka:3.7.0
COPY server.properties /etc/kafka/docker/server.properties
