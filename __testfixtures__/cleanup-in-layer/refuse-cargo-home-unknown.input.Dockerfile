FROM rust:1.80-slim
RUN CARGO_HOME=/opt/cargo cargo install cargo-nextest --locked
ENV PATH="/opt/cargo/bin:${PATH}"
WORKDIR /src
CMD ["cargo", "nextest", "run"]
