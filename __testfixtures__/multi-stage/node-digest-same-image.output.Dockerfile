FROM node:20-alpine@sha256:0b3d4f1e0c2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4 AS build
WORKDIR /usr/src/app
COPY package*.json ./
RUN npm ci --omit=dev
COPY . .

FROM node:20-alpine@sha256:0b3d4f1e0c2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4
WORKDIR /usr/src/app
COPY --from=build /usr/src/app /usr/src/app
EXPOSE 7000
CMD ["node", "server.js"]
