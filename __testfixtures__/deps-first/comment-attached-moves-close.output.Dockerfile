FROM node:20-alpine
WORKDIR /usr/src/app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev
# Bundle the service
COPY . .
ENTRYPOINT ["node", "index.js"]
