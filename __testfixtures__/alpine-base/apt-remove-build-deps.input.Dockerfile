# SonarQube installs gnupg and unzip to check and unpack its archive, then removes them.
FROM eclipse-temurin:25-jdk-noble

ENV JAVA_HOME='/opt/java/openjdk'

RUN set -eux; \
    useradd --system --uid 1000 --gid 0 sonarqube; \
    apt-get update; \
    apt-get --no-install-recommends -y install \
        bash \
        curl \
        fonts-dejavu \
        gnupg \
        unzip; \
    echo "networkaddress.cache.ttl=5" >> "${JAVA_HOME}/conf/security/java.security"; \
    cd /opt; \
    unzip -q /tmp/sonarqube.zip; \
    apt-get remove -y gnupg unzip; \
    rm -rf /var/lib/apt/lists/*;

USER sonarqube
STOPSIGNAL SIGINT

ENTRYPOINT ["/opt/java/openjdk/bin/java", "-jar", "/opt/sonarqube/lib/sonarqube.jar"]
