FROM crystallang/crystal:1.14.0 AS resizer
WORKDIR /src
COPY resizer/ ./
RUN shards build --release

FROM node:20-bookworm-slim
WORKDIR /app
COPY --from=resizer /src/bin/resizer /usr/local/bin/resizer
COPY server.js ./
CMD ["node", "server.js"]
