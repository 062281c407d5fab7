FROM node:20-slim
WORKDIR /app
COPY . .
CMD node \
    # keep the heap small on 512 MB hosts
    --max-old-space-size=384 \
    server.js
