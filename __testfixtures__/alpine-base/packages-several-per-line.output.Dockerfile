FROM node:20-alpine
RUN apk add --no-cache curl git gcc musl-dev \
    make python3
WORKDIR /app
CMD ["node", "index.js"]
