FROM node:20-bookworm
WORKDIR /app
COPY web/package.json web/package-lock.json ./
RUN npm ci
COPY web/ ./
CMD ["npm", "start"]
