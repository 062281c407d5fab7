FROM cgr.dev/chainguard/node:latest-dev
WORKDIR /app
COPY --chown=node:node package.json package-lock.json ./
RUN npm ci --omit=dev
COPY --chown=node:node . .
CMD ["server.js"]
