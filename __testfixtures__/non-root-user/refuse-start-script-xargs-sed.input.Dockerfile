FROM node:20-alpine
WORKDIR /app
COPY dist ./dist
COPY server.js entrypoint.sh ./
ENTRYPOINT ["./entrypoint.sh"]
CMD ["node", "server.js"]
