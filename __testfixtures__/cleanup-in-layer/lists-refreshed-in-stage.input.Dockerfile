FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends curl
RUN curl -fsSL https://example.com/key.asc -o /etc/apt/keyrings/example.asc && apt-get update && apt-get install -y --no-install-recommends example-agent
RUN apt-get install -y --no-install-recommends example-plugins
