FROM rust:1.88-slim
ENV CARGO_TARGET_DIR=/tmp/target
WORKDIR /app
COPY . .
RUN groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app
USER 10001:10001
CMD ["cargo", "run", "--release"]
