FROM rust:1.89

ENV ROCKET_ADDRESS=0.0.0.0
ENV CARGO_NET_GIT_FETCH_WITH_CLI=true

WORKDIR /code
COPY Cargo.toml Cargo.lock /code/
COPY src /code/src
RUN cargo build --release --locked

EXPOSE 8000

CMD [ "/code/target/release/react-rust-postgres" ]
