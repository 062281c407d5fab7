FROM node:22-bookworm-slim
WORKDIR /app
COPY --chown=node:root package*.json ./
RUN npm ci --omit=dev
COPY --chown=node:root . .
RUN chmod -R 775 /app
USER 1000:0
EXPOSE 3000
CMD ["node", "server.js"]
