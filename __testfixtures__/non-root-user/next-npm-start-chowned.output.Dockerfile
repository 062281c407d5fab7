FROM node:20-slim
WORKDIR /app
COPY . .
RUN npm ci && npm run build && chown -R node:node .next
USER 1000:1000
CMD ["npm", "start"]
