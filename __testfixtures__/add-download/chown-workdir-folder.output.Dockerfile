FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates unzip && rm -rf /var/lib/apt/lists/*
WORKDIR /home/app
RUN mkdir -p /home/app && curl -fsSL -o /home/app/tools.zip https://example.com/tools.zip && unzip tools.zip && rm tools.zip
