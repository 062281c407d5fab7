FROM debian:12
RUN apt-get update && apt-get install -y --no-install-recommends build-essential && rm -rf /var/lib/apt/lists/*
COPY . /src
RUN cd /src/lib && ./build.sh --static
RUN cd /src/app && ./configure --prefix=/usr && make
RUN ldconfig
CMD ["/usr/bin/app"]
