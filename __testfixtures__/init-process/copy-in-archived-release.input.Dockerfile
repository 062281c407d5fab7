FROM node:14-buster-slim
WORKDIR /app
COPY . .
CMD npm run migrate && npm start
