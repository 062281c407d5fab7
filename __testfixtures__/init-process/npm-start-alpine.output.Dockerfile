FROM node:22-alpine3.20
RUN apk add --no-cache tini
WORKDIR /usr/src/app
COPY package*.json ./
RUN npm ci
COPY . .
EXPOSE 3000
ENTRYPOINT ["/sbin/tini", "--", "docker-entrypoint.sh"]
CMD [ "npm", "start" ]
