FROM node:20-bookworm-slim
WORKDIR /usr/src/app
COPY . .
EXPOSE 3000
CMD npm install --omit=dev && npm start
