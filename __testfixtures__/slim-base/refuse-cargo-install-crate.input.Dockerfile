FROM rust:1.98
RUN cargo install diesel_cli --no-default-features --features postgres
CMD ["diesel", "migration", "run"]
