FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y gcc && rm -rf /var/lib/apt/lists/*
COPY entrypoint.sh /entrypoint.sh
COPY server /app/server
WORKDIR /app
ENTRYPOINT ["/bin/bash"]
CMD ["/entrypoint.sh"]
