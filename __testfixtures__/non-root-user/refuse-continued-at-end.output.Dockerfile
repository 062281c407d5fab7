FROM node:22-slim
WORKDIR /app
CMD ["node", "server.js"]
# the last line continues into the end of the file: a USER written after it would join the COPY
COPY . . \
