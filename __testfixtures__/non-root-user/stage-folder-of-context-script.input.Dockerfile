FROM eclipse-temurin:17-jdk AS builder
COPY . /app/
WORKDIR /app
RUN ./mvnw package

FROM eclipse-temurin:17-jre
# bin/ is a folder of the build context, so the script is the context's, read through the builder.
COPY --from=builder /app/bin /app/bin/
COPY --from=builder /app/target/server.jar /app/server.jar
WORKDIR /app
RUN chmod +x ./bin/server.sh
CMD ["./bin/server.sh", "--port", "8082"]
