FROM node:20-alpine
WORKDIR /srv/app
COPY package*.json ./
RUN npm ci --omit=dev
COPY . .
RUN mkdir -p /run/app /srv/app/sessions
CMD ["node", "server.js"]
