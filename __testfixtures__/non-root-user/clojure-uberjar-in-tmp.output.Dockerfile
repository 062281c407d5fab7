FROM clojure:temurin-17-tools-deps-jammy
COPY deps.edn build.clj ./
RUN clojure -P -T:build
COPY src src
RUN clojure -T:build uber
RUN groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app
USER 10001:10001
EXPOSE 8080
CMD ["java", "-jar", "/tmp/target/app-standalone.jar"]
