from node:24-bookworm-slim
workdir /app
copy . .
entrypoint ["yarn"]
cmd ["start"]
