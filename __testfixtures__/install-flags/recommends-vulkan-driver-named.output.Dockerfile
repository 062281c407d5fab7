FROM debian:bookworm AS build
RUN apt-get update \
    && apt-get install -y cmake g++ make libvulkan-dev glslc git ca-certificates \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN cmake -B build -DGGML_VULKAN=ON && cmake --build build --target llama-server -j

FROM debian:bookworm-slim
RUN apt-get update \
    && apt-get install --no-install-recommends -y libvulkan1 mesa-vulkan-drivers libgomp1 \
    && rm -rf /var/lib/apt/lists/*
COPY --from=build /src/build/bin/llama-server /usr/local/bin/llama-server
ENTRYPOINT ["/usr/local/bin/llama-server"]
