FROM node:20-alpine
RUN apk add --no-cache tini
WORKDIR /app
COPY . .
# tini forwards signals to the app; it runs its arguments unchanged
ENTRYPOINT ["/sbin/tini", "--"]
CMD node server.js
