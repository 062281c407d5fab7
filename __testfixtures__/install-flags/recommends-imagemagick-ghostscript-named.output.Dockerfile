FROM debian:bookworm-slim
RUN apt-get update && apt-get install --no-install-recommends -y imagemagick ghostscript && rm -rf /var/lib/apt/lists/*
COPY app /app
CMD ["/app/run"]
