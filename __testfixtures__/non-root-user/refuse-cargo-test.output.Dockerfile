FROM rust:1.88-slim
WORKDIR /app
COPY . .
RUN cargo build
CMD ["cargo", "test"]
