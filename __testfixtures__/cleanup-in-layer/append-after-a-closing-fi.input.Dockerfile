FROM debian:12-slim
RUN if [ "$(uname -m)" = "x86_64" ]; then \
        apt-get update && apt-get install -y --no-install-recommends curl; \
    fi
CMD ["curl"]
