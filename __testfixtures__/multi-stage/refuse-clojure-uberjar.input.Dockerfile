FROM clojure:temurin-21-lein-bookworm
WORKDIR /usr/src/app
COPY project.clj .
RUN lein deps
COPY . .
RUN lein uberjar
EXPOSE 3000
CMD ["java", "-jar", "target/uberjar/app-standalone.jar"]
