FROM node:22-alpine
RUN apk add --no-cache tini
WORKDIR /app
COPY . .
USER 1000:1000
# tini starts the image's own docker-entrypoint.sh, found on PATH
ENTRYPOINT ["/sbin/tini", "--", "docker-entrypoint.sh"]
CMD ["node", "server.js"]
