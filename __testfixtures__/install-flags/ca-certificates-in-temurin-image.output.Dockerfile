FROM eclipse-temurin:17-jre AS build-arm
RUN apt -y update && \
    apt -y install --no-install-recommends wget curl && \
    wget "https://example.com/releases/latest/download/tool-linux-arm" -O /usr/bin/tool && \
    chmod +x /usr/bin/tool && \
    rm -rf /var/lib/apt/lists/*
ENTRYPOINT ["java", "-jar", "/app.jar"]
