FROM node:20-alpine
WORKDIR $NODE_HOME_X
COPY package.json ./
RUN npm install
COPY . .
CMD ["node","server.js"]
