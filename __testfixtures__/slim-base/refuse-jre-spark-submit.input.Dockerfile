FROM eclipse-temurin:21-jdk
WORKDIR /opt/app
COPY --from=apache/spark:3.5.3 /opt/spark /opt/spark
COPY target/job.jar job.jar
CMD ["/opt/spark/bin/spark-submit", "--master", "local[*]", "--class", "com.example.Job", "job.jar"]
