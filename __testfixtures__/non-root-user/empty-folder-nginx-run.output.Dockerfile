FROM node:20-alpine
WORKDIR /srv/app
COPY package*.json ./
RUN npm ci --omit=dev
COPY . .
RUN mkdir -p /run/app /srv/app/sessions
RUN chown -R 1000:1000 /run/app && chown -R 1000:1000 /srv/app/sessions
USER 1000:1000
CMD ["node", "server.js"]
