FROM node:22-alpine
RUN apk add --no-cache tini
WORKDIR /app
COPY . .
# tini starts the image's own docker-entrypoint.sh, found on PATH
ENTRYPOINT ["/sbin/tini", "--", "docker-entrypoint.sh"]
CMD ["node", "server.js"]
