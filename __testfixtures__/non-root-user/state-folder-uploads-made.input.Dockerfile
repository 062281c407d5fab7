FROM node:20-alpine
WORKDIR /srv/api
COPY . .
RUN mkdir -p ./uploads
CMD ["node", "dist/start.js"]
