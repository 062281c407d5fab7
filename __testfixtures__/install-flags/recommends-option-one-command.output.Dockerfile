FROM debian:bookworm
RUN apt-get update && apt-get install -y -o APT::Install-Recommends=false libpq5 \
    && rm -rf /var/lib/apt/lists/*
RUN apt-get update && apt-get install --no-install-recommends -y jq \
    && rm -rf /var/lib/apt/lists/*
