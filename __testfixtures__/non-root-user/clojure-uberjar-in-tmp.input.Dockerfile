FROM clojure:temurin-17-tools-deps-jammy
COPY deps.edn build.clj ./
RUN clojure -P -T:build
COPY src src
RUN clojure -T:build uber
EXPOSE 8080
CMD ["java", "-jar", "/tmp/target/app-standalone.jar"]
