FROM node:24-trixie AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev
COPY . .

FROM gcr.io/distroless/nodejs24-debian13
WORKDIR /app
COPY --from=build /app /app
EXPOSE 8080
CMD ["server.js"]
