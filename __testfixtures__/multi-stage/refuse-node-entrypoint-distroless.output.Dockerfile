FROM node:24-trixie

WORKDIR /usr/src/app/

COPY package.json package-lock.json ./
RUN npm ci --omit=dev

COPY charge.js index.js logger.js ./

EXPOSE 50051
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["node", "index.js"]
