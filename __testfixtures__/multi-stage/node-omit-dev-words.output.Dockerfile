FROM node:22-bookworm AS build
WORKDIR /srv
COPY package.json package-lock.json ./
# The option's value may be the next word: npm reads `--omit dev` as `--omit=dev`.
RUN npm ci --omit dev
COPY . .

FROM node:22-bookworm-slim
WORKDIR /srv
COPY --from=build /srv /srv
CMD ["node", "server.js"]
