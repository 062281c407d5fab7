FROM debian:bookworm
RUN apt-get update && apt-get install --no-install-recommends -y cmake make gcc libc6-dev && rm -rf /var/lib/apt/lists/*
COPY . /src
RUN cmake -S /src -B /build -DCMAKE_BUILD_TYPE=Release && cmake --build /build
