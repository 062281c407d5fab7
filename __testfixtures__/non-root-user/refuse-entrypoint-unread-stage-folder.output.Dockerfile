FROM eclipse-temurin:17-jdk AS builder
COPY . /app/
WORKDIR /app
RUN ./mvnw package

FROM eclipse-temurin:17-jre
# The folder is copied into a folder of its name: the script comes from the builder's bin/.
COPY --from=builder /app/bin /app/bin/
WORKDIR /app
RUN chmod +x ./bin/server.sh
CMD ["./bin/server.sh", "--port", "8082"]
