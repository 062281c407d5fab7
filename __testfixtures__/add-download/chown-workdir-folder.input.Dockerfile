FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates unzip && rm -rf /var/lib/apt/lists/*
WORKDIR /home/app
ADD --chown=1000:1000 https://example.com/tools.zip /home/app/tools.zip
RUN unzip tools.zip && rm tools.zip
