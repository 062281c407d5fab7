FROM eclipse-temurin:21-jre
ARG OTEL_JAVA_AGENT_VERSION=2.4.0
COPY app.jar /app/app.jar
ADD --chmod=644 https://github.com/open-telemetry/opentelemetry-java-instrumentation/releases/download/v$OTEL_JAVA_AGENT_VERSION/opentelemetry-javaagent.jar /app/opentelemetry-javaagent.jar
ENV JAVA_TOOL_OPTIONS=-javaagent:/app/opentelemetry-javaagent.jar
CMD ["java", "-jar", "/app/app.jar"]
