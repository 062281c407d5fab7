FROM node:22-bookworm-slim AS base
WORKDIR /app
COPY . .
CMD ["npm", "start"]

FROM base
RUN npm ci --omit=dev
