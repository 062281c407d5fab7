FROM node:20-alpine
WORKDIR /app
COPY . .
RUN npx --yes node-gyp --version
RUN npm install -g npm@10
RUN npx --yes prisma generate
