ARG TARGETARCH

FROM node:lts-alpine AS base-amd64
RUN apk add --no-cache curl

FROM node:lts-alpine AS base-arm64
RUN apk add --no-cache curl

FROM base-${TARGETARCH} AS production
WORKDIR /app
COPY . .
CMD ["pnpm", "start"]
