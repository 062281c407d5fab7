FROM eclipse-temurin:21-jdk
ARG MC_VERSION=1.21.1
WORKDIR /build
RUN apt-get update && apt-get install -y --no-install-recommends git \
    && rm -rf /var/lib/apt/lists/* \
    && curl -fsSLo BuildTools.jar https://hub.spigotmc.org/jenkins/job/BuildTools/lastSuccessfulBuild/artifact/target/BuildTools.jar \
    && java -Xmx1G -jar BuildTools.jar --rev "$MC_VERSION" \
    && mkdir -p /server && mv spigot-*.jar /server/spigot.jar
WORKDIR /server
EXPOSE 25565
CMD ["java", "-Xmx2G", "-jar", "spigot.jar", "nogui"]
