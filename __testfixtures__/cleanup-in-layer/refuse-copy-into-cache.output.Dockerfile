FROM debian:12
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
# Seed the package lists from the build context (offline mirror)
COPY lists/ /var/lib/apt/lists/
RUN rm -rf /var/lib/apt/lists/*
