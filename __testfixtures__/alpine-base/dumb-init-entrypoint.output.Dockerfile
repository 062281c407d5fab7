FROM node:22-alpine
RUN apk add --no-cache dumb-init
WORKDIR /app
COPY index.js .
ENTRYPOINT ["/usr/bin/dumb-init", "--"]
CMD ["node", "index.js"]
