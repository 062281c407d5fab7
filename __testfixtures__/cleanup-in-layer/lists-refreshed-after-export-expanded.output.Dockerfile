FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates && rm -rf /var/lib/apt/lists/*
# export of an expanded value cannot fail either: the update always runs before the install
RUN export PATH="$PATH:/opt/tools/bin" && apt-get update; apt-get install -y --no-install-recommends git && rm -rf /var/lib/apt/lists/*
