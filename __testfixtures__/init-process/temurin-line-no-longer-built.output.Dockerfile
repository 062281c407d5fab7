FROM eclipse-temurin:19-jre
RUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*
COPY target/app.jar /app.jar
ENTRYPOINT ["/usr/bin/tini", "--", "/__cacert_entrypoint.sh"]
CMD java $JAVA_OPTS -jar /app.jar
