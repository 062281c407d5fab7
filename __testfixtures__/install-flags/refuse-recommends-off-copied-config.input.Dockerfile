FROM debian:bookworm-slim
COPY docker/apt-lean.conf /etc/apt/apt.conf.d/01-lean
RUN apt-get update \
 && apt-get install -y --allow-downgrades wget \
 && rm -rf /var/lib/apt/lists/*
CMD ["wget", "--version"]
