FROM node:20-alpine
RUN apk add --no-cache dumb-init
# Avoid zombie processes, handle signal forwarding
ENTRYPOINT ["dumb-init", "--"]
WORKDIR /app
COPY . /app
EXPOSE 3000
ENV PDS_PORT=3000
CMD ["node", "--enable-source-maps", "index.js"]
LABEL org.opencontainers.image.source=https://github.com/bluesky-social/pds
