FROM hello-world
LABEL org.opencontainers.image.description="smoke test image"
COPY build-info.txt /build-info.txt
