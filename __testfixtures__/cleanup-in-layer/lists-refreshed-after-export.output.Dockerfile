FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates && rm -rf /var/lib/apt/lists/*
# export cannot fail: the update always runs before the install, which reads its lists
RUN export DEBIAN_FRONTEND=noninteractive && apt-get update; apt-get install -y --no-install-recommends git && rm -rf /var/lib/apt/lists/*
RUN set -x && umask 022 && apt-get update; apt-get install -y --no-install-recommends make && rm -rf /var/lib/apt/lists/*
