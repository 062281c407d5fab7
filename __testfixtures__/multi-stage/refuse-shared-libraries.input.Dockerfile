FROM debian:bookworm
RUN apt-get update && apt-get install -y --no-install-recommends gcc make libc6-dev libssl-dev libpq-dev
WORKDIR /src
COPY . .
RUN make && make install
CMD ["/usr/local/bin/ledger"]
