FROM node:24-trixie AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev
COPY . .

FROM node:24-trixie-slim
WORKDIR /app
COPY --from=build /app /app
EXPOSE 8080
CMD ["node", "server.js"]
