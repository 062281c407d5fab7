FROM node:20-alpine
WORKDIR /app
ONBUILD ADD . /app
ONBUILD RUN npm install
CMD ["npm", "start"]
