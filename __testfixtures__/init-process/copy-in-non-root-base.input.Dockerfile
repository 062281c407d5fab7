FROM node:20-slim AS base
WORKDIR /app
USER node

FROM base
COPY --chown=node:node . .
ENTRYPOINT ["./start.sh"]
