FROM debian:12-slim
ARG GPU
# Only the amd branch cleans up: the nvidia branch leaves the lists in the layer.
RUN if [ "$GPU" = nvidia ]; then \
        apt-get update && apt-get install -y --no-install-recommends libvulkan1; \
    elif [ "$GPU" = amd ]; then \
        apt-get update && apt-get install -y --no-install-recommends mesa-vulkan-drivers && rm -rf /var/lib/apt/lists/*; \
    fi && \
    rm -rf /var/lib/apt/lists/*
# Each branch cleans up after its own install.
RUN case "$GPU" in \
        nvidia) apt-get update && apt-get install -y --no-install-recommends libvulkan1 && rm -rf /var/lib/apt/lists/* ;; \
        *) apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* ;; \
    esac
CMD ["bash"]
