FROM node:20-slim
WORKDIR /usr/local/app
COPY package*.json ./
# node looks for modules up to /node_modules, so a bind mount of the app keeps them
RUN npm ci && \
 npm cache clean --force && \
 mv /usr/local/app/node_modules /node_modules
COPY . .
CMD ["node", "server.js"]
