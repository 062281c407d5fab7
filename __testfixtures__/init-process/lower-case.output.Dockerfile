from node:24-bookworm-slim
run apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*
workdir /app
copy . .
entrypoint ["/usr/bin/tini", "--", "yarn"]
cmd ["start"]
