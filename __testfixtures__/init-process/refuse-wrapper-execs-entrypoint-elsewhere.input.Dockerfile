FROM node:22-slim
WORKDIR /app
COPY package.json index.js ./
COPY entrypoint.sh /entrypoint.sh
ENTRYPOINT ["/entrypoint.sh"]
CMD ["npm", "start"]
