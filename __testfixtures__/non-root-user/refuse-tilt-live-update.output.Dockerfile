FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates && rm -rf /var/lib/apt/lists/*
COPY .tilt-bin/api /usr/local/bin/api
# directory for Tilt restart file
RUN mkdir -p /tilt
ENTRYPOINT ["/usr/local/bin/api"]
