FROM eclipse-temurin:21-jdk
RUN curl -fsSL https://github.com/sbt/sbt/releases/download/v1.10.7/sbt-1.10.7.tgz | tar -xz -C /usr/local
ENV PATH=/usr/local/sbt/bin:$PATH
WORKDIR /app
COPY . .
RUN sbt compile
EXPOSE 9000
CMD ["sbt", "run"]
