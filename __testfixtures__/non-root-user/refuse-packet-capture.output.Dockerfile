FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends tcpdump tshark && \
    rm -rf /var/lib/apt/lists/*
ENTRYPOINT ["tshark", "-i", "any"]
