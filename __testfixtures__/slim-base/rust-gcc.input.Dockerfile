FROM rust:1.98
WORKDIR /app
COPY . .
RUN gcc -O2 -shared -fPIC -o /usr/local/lib/libshim.so vendor/shim.c
RUN cargo install --path .
CMD ["app"]
