FROM debian:bookworm
RUN apt-get update && apt-get install -y cmake ninja-build g++ && rm -rf /var/lib/apt/lists/*
RUN apt-get update && apt-get install -y cmake build-essential && rm -rf /var/lib/apt/lists/*
RUN apt-get update && apt-get install -y cmake && rm -rf /var/lib/apt/lists/*
RUN cmake --version && cmake -E make_directory /out
COPY . /src
RUN cmake -G Ninja -S /src -B /build && cmake --build /build
