FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json ./
RUN npm install --omit=dev
COPY . .
USER 1000:1000
CMD ["npm", "run", "cron"]
