FROM debian:bookworm-slim
COPY .tilt-bin/api /usr/local/bin/api
ENTRYPOINT ["/usr/local/bin/api"]
