FROM node:20
WORKDIR /app
COPY . .
HEALTHCHECK --interval=30s CMD curl -f http://localhost:3000/ || exit 1
CMD ["node", "index.js"]
