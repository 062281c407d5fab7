FROM debian:12
RUN apt-get update && apt-get install -y --no-install-recommends build-essential && rm -rf /var/lib/apt/lists/*
COPY . /src
RUN cd /src/lib && ./build.sh --static && \
    ( cd /src/app && ./configure --prefix=/usr && make ) && \
    ldconfig
CMD ["/usr/bin/app"]
