# SonarQube frees uid 1000 by deleting Ubuntu's ubuntu account, which Alpine's image does not have.
FROM eclipse-temurin:25-jdk-noble

RUN set -eux; \
    deluser ubuntu; \
    useradd --system --uid 1000 --gid 0 sonarqube; \
    apt-get update; \
    apt-get --no-install-recommends -y install \
        bash \
        curl \
        unzip; \
    apt-get remove -y unzip; \
    rm -rf /var/lib/apt/lists/*;

USER sonarqube
STOPSIGNAL SIGINT

ENTRYPOINT ["/opt/java/openjdk/bin/java", "-jar", "/opt/sonarqube/lib/sonarqube.jar"]
