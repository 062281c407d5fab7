FROM rust:1.98
WORKDIR /app
COPY . .
# reqwest's default TLS is native-tls: openssl-sys finds OpenSSL with pkg-config.
RUN cargo install --path .
CMD ["app"]
