FROM node:20-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev
COPY . .
ENV SMTP_PORT=587 \
    PORT=80
CMD ["node", "server.js"]
