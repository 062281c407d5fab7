FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates unzip && rm -rf /var/lib/apt/lists/*
ADD --chown=1000:1000 https://example.com/tools.zip /tmp/tools.zip
RUN unzip /tmp/tools.zip -d /opt && rm /tmp/tools.zip
