FROM node:20

RUN apt-get update
RUN apt-get install -y jq

WORKDIR /usr/src/app
COPY package.json package-lock.json .npmrc ./
RUN npm install

COPY . .

ENV NODE_ENV=production
EXPOSE 3000
CMD node server.js
