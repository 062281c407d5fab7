FROM node:20-bookworm-slim AS app
WORKDIR /app
COPY package*.json ./
RUN npm ci
COPY . .
CMD ["npm", "start"]

FROM app AS test
RUN npm run lint
CMD ["npm", "test"]
