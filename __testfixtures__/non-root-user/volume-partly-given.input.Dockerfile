FROM node:20-slim
WORKDIR /srv
COPY package*.json ./
RUN npm ci --omit=dev
COPY . .
RUN mkdir -p /srv/uploads && chown -R node:node /srv/uploads
VOLUME ["/srv/uploads", "/srv/logs"]
EXPOSE 8080
CMD ["node", "index.js"]
