FROM node:24-trixie AS build
WORKDIR /app
COPY . .

FROM node:24-trixie-slim
WORKDIR /app
COPY --from=build /app /app
CMD ["sh", "-c", "cd /app/server && ./start"]
