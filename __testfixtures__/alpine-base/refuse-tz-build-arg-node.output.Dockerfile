FROM node:20-slim
ARG TZ
ENV TZ=${TZ}
WORKDIR /app
COPY server.js ./
CMD ["node", "server.js"]
