FROM node:20-bookworm-slim
WORKDIR /app
COPY . .
RUN cd bundle/programs/server \
    && npm install \
    && npm cache clear --force
RUN cd tools \
    && npm install \
    && npm cache rm --force
CMD ["node", "main.js"]
