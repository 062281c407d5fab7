FROM rust:1.80-slim-bookworm
# Tools the migration job runs
RUN cargo install sqlx-cli --locked --no-default-features --features postgres
WORKDIR /app
COPY migrations ./migrations
CMD ["sqlx", "migrate", "run"]
