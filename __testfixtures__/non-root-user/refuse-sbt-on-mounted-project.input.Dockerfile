# A development image: the project is mounted at /app when it runs (docker run -v "$PWD:/app").
FROM eclipse-temurin:21-jdk
RUN curl -fsSL https://github.com/sbt/sbt/releases/download/v1.10.7/sbt-1.10.7.tgz | tar -xz -C /usr/local
ENV PATH=/usr/local/sbt/bin:$PATH
WORKDIR /app
CMD ["sbt", "~run"]
