# SonarQube installs gnupg and unzip to check and unpack its archive, then removes them.
FROM eclipse-temurin:25-jdk-alpine

ENV JAVA_HOME='/opt/java/openjdk'

RUN set -eux; \
    adduser -D -S -H -s /bin/sh -u 1000 -G root sonarqube; \
    apk add --no-cache \
        bash \
        curl \
        font-dejavu \
        gnupg \
        unzip; \
    echo "networkaddress.cache.ttl=5" >> "${JAVA_HOME}/conf/security/java.security"; \
    cd /opt; \
    unzip -q /tmp/sonarqube.zip; \
    apk del gnupg unzip;

USER sonarqube
STOPSIGNAL SIGINT

ENTRYPOINT ["/opt/java/openjdk/bin/java", "-jar", "/opt/sonarqube/lib/sonarqube.jar"]
