FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates unzip && rm -rf /var/lib/apt/lists/*
RUN curl -fsSL -o /tmp/tools.zip https://example.com/tools.zip && unzip /tmp/tools.zip -d /opt && rm /tmp/tools.zip
