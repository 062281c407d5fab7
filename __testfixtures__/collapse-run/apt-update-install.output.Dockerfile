FROM debian:bookworm-slim
RUN apt-get update && \
    apt-get install -y --no-install-recommends ca-certificates curl
COPY app /app
CMD ["/app/run"]
