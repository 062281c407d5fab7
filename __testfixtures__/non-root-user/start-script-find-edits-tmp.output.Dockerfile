FROM node:20-alpine
WORKDIR /app
COPY dist ./dist
COPY server.js entrypoint.sh ./
USER 1000:1000
ENTRYPOINT ["./entrypoint.sh"]
CMD ["node", "server.js"]
