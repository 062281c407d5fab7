FROM rust:1.80-slim-bookworm
# Tools the migration job runs
RUN cargo install sqlx-cli --locked --no-default-features --features postgres && rm -rf "${CARGO_HOME:-$HOME/.cargo}/registry" "${CARGO_HOME:-$HOME/.cargo}/git"
WORKDIR /app
COPY migrations ./migrations
CMD ["sqlx", "migrate", "run"]
