FROM debian:bookworm
RUN apt-get update && apt-get install -y build-essential gcc curl ca-certificates
RUN curl -fsSLO https://example.com/src.tar.gz && tar -xzf src.tar.gz && make -C src
