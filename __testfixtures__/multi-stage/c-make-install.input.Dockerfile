FROM debian:bookworm

RUN apt-get update
RUN apt-get install -y gcc make

WORKDIR /src
COPY . .
RUN make
RUN make install

CMD primes 20
