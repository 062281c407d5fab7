FROM node:14-buster

RUN sed -i 's|deb.debian.org|archive.debian.org|g; /security/d; /buster-updates/d' /etc/apt/sources.list && \
    apt-get update && apt-get install -y jq

WORKDIR /usr/src/app
COPY package.json package-lock.json ./
RUN npm install

COPY . .

ENV NODE_ENV=production
EXPOSE 3000
CMD node server.js
