FROM debian:bookworm
RUN apt-get update && apt-get install --no-install-recommends -y cmake g++ make && rm -rf /var/lib/apt/lists/*
COPY . /src
RUN /src/scripts/build.sh
