FROM sbtscala/scala-sbt:eclipse-temurin-21.0.8_9_1.12.11_3.8.4
WORKDIR /app
ADD https://github.com/coursier/coursier/releases/download/v2.1.10/cs-x86_64-pc-linux.gz /tmp/cs.gz
RUN gunzip -c /tmp/cs.gz > /usr/local/bin/cs && chmod +x /usr/local/bin/cs && rm /tmp/cs.gz
COPY . .
RUN sbt stage
CMD ["target/universal/stage/bin/app"]
