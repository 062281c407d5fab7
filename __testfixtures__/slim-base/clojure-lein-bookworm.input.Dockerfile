FROM clojure:temurin-21-lein-bookworm
WORKDIR /usr/src/app
COPY project.clj /usr/src/app/
RUN lein deps
COPY . /usr/src/app
RUN lein uberjar
EXPOSE 3000
CMD ["java", "-jar", "target/uberjar/app-0.1.0-standalone.jar"]
