FROM node:20-alpine
WORKDIR /app
COPY . .
RUN npx --yes node-gyp --version && \
    npm install -g npm@10 && \
    npx --yes prisma generate
