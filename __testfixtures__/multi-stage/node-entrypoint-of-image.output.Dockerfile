FROM node:24-trixie AS build

WORKDIR /usr/src/app/

COPY package.json package-lock.json ./
RUN npm ci --omit=dev

COPY charge.js index.js logger.js ./

FROM node:24-trixie-slim
WORKDIR /usr/src/app/
COPY --from=build /usr/src/app /usr/src/app

EXPOSE 50051
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["node", "index.js"]
