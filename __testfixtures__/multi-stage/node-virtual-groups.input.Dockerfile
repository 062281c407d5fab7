FROM node:20-alpine3.20

# ffmpeg makes the thumbnails at run time; the compilers only build the native modules.
RUN apk add --no-cache --virtual .runtime-deps ffmpeg
WORKDIR /usr/src/app
COPY package.json package-lock.json ./
RUN apk add --no-cache --virtual .gyp python3 make g++ \
 && npm ci --omit=dev \
 && apk del .gyp

COPY . .
EXPOSE 3000
CMD ["node", "server.js"]
