FROM node:20-alpine
RUN apk add --no-cache ca-certificates
RUN addgroup -g 1001 worker && adduser -D -H -s /bin/sh -u 1001 -G worker worker
WORKDIR /app
COPY . .
CMD ["node", "index.js"]
