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
RUN groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app
USER 10001:10001
CMD ["./bin/server.sh", "--port", "8082"]
