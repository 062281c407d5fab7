FROM rust:1.88-slim
ENV CARGO_TARGET_DIR=/app/target
WORKDIR /app
COPY . .
CMD ["cargo", "run", "--release"]
