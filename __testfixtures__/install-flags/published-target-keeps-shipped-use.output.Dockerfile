FROM debian:12 AS app
RUN apt-get update && apt-get install --no-install-recommends -y curl ca-certificates && rm -rf /var/lib/apt/lists/*
COPY server /usr/local/bin/server
CMD ["server"]

FROM node:20 AS docs
WORKDIR /docs
COPY docs .
RUN npm ci && npm run build
CMD ["npx", "serve", "build"]
