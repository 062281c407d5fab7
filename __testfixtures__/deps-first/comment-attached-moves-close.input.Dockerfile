FROM node:20-alpine
WORKDIR /usr/src/app
# Bundle the service
COPY . .
RUN npm ci --omit=dev
ENTRYPOINT ["node", "index.js"]
