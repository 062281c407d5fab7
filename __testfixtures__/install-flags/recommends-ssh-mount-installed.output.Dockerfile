FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
# The agent is used, and the RUN installs the ssh client itself before it
RUN --mount=type=ssh apt-get update && apt-get install --no-install-recommends -y git openssh-client ca-certificates && npm ci && rm -rf /var/lib/apt/lists/*
COPY . .
CMD ["node", "index.js"]
