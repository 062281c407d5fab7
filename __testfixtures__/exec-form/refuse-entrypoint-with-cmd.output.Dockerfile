FROM node:20-alpine
WORKDIR /app
COPY . .
ENTRYPOINT node server.js
CMD ["--port", "8080"]
