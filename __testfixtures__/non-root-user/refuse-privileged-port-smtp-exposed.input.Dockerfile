FROM node:20-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev
COPY . .
ENV SMTP_PORT=25 \
    HTTP_PORT=8080
EXPOSE 25 8080
CMD ["node", "smtp-server.js"]
