FROM openjdk:11-jre-slim
RUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*
COPY target/app.jar /app.jar
EXPOSE 8080
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD java $JAVA_OPTS -jar /app.jar
