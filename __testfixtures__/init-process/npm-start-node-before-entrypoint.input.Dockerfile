# node 8.9 images came before docker-entrypoint.sh
FROM node:8.9-slim
WORKDIR /usr/src/app
COPY package*.json ./
RUN npm install
COPY . .
CMD ["npm", "start"]
