FROM debian:bookworm
RUN apt-get update && apt-get install -y cmake g++ && rm -rf /var/lib/apt/lists/*
COPY . /src
RUN /src/scripts/build.sh
