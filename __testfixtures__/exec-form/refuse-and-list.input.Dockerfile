FROM node:18
WORKDIR /usr/src/app
COPY . .
RUN npm install
CMD make start-nodes && make start-client-api
