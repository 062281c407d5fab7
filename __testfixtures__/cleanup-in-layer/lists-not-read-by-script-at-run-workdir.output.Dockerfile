FROM debian:bookworm-slim
WORKDIR /usr/src/tools
COPY tools/setup.sh .
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl && rm -rf /var/lib/apt/lists/*
RUN ./setup.sh
WORKDIR /usr/src/app
COPY . .
CMD ["./run.sh"]
