FROM node:20-slim
WORKDIR /home/node/app
COPY --chown=node:node . .
RUN npm ci --omit=dev
USER node
EXPOSE 3000
CMD ["node", "server.js"]
