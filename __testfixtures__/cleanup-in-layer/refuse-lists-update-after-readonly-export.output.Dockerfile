FROM debian:bookworm-slim
SHELL ["/bin/bash", "-c"]
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates
# UID is read-only in bash: the export fails, the update is skipped, and the install reads the lists above
RUN export UID=1000 && apt-get update; apt-get install -y --no-install-recommends git && rm -rf /var/lib/apt/lists/*
