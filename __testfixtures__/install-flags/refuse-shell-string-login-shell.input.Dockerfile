FROM debian:bookworm-slim
RUN bash -lc "apt-get update && apt-get install -y jq" \
 && rm -rf /var/lib/apt/lists/*
CMD ["jq", "--version"]
