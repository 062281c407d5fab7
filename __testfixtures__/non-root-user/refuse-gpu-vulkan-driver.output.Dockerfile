FROM ubuntu:24.04 AS build
WORKDIR /app
RUN apt-get update && \
    apt-get install -y --no-install-recommends build-essential cmake libvulkan-dev glslc \
    && rm -rf /var/lib/apt/lists/*
COPY . .
RUN cmake -B build -DGGML_VULKAN=1 && cmake --build build --config Release -j

FROM ubuntu:24.04 AS runtime
RUN apt-get update && \
    apt-get install -y --no-install-recommends libgomp1 libvulkan1 mesa-vulkan-drivers \
    && rm -rf /var/lib/apt/lists/*
COPY --from=build /app/build/bin/llama-server /usr/local/bin/llama-server
ENTRYPOINT ["/usr/local/bin/llama-server", "--host", "0.0.0.0", "--port", "8080"]
