FROM node:20-slim
WORKDIR /app
COPY . .
RUN npm ci && npm run build && chown -R node:node .next
CMD ["npm", "start"]
