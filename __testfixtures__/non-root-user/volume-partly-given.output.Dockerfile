FROM node:20-slim
WORKDIR /srv
COPY package*.json ./
RUN npm ci --omit=dev
COPY . .
RUN mkdir -p /srv/uploads && chown -R node:node /srv/uploads
RUN mkdir -p /srv/logs && chown 1000:1000 /srv/logs
USER 1000:1000
VOLUME ["/srv/uploads", "/srv/logs"]
EXPOSE 8080
CMD ["node", "index.js"]
