# hadolint global ignore=DL3009
FROM node:20-bookworm
RUN apt-get update && apt-get install -y jq && npm install -g pnpm
