FROM cgr.dev/chainguard/node:latest-dev
USER root
RUN apk add --no-cache sqlite
WORKDIR /app
COPY --chown=node:node package.json package-lock.json ./
RUN npm ci --omit=dev
COPY . .
RUN mkdir -p /data && chown 65532:65532 /data
USER 65532:65532
VOLUME /data
ENV DATABASE_PATH=/data/app.db
CMD ["server.js"]
