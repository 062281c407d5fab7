FROM rust:1.98
WORKDIR /app
COPY . .
RUN wget -q https://example.com/model.bin -O /app/model.bin
RUN cargo install --path .
CMD ["app"]
