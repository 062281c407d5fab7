FROM node:20-slim AS app
WORKDIR /app
COPY package.json server.js ./
CMD ["node", "server.js"]

FROM app AS development
RUN npm install --no-save nodemon
CMD ["npx", "nodemon", "server.js"]
