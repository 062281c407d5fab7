FROM node:22-slim
WORKDIR /app
CMD ["node", "server.js"]
# no line ending after the continuation: a USER written after it would join the COPY
COPY . . \