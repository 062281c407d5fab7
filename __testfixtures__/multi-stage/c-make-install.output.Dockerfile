FROM debian:bookworm AS build

RUN apt-get update
RUN apt-get install -y gcc make

WORKDIR /src
COPY . .
RUN make
RUN make install

FROM debian:bookworm-slim
WORKDIR /src
COPY --from=build /usr/local/bin/primes /usr/local/bin/primes

CMD primes 20
