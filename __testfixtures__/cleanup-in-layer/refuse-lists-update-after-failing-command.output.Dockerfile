FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl
# a failing curl skips the update, and sh without -e goes on to install from the lists above
RUN curl -fsSL https://example.com/key.asc -o /etc/apt/trusted.gpg.d/example.asc && apt-get update; apt-get install -y --no-install-recommends git && rm -rf /var/lib/apt/lists/*
