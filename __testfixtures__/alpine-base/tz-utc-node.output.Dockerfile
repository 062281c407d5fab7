FROM node:20-alpine
ENV TZ=Etc/UTC
WORKDIR /app
COPY server.js ./
CMD ["node", "server.js"]
