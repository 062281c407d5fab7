FROM node:24-trixie
RUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*

WORKDIR /usr/src/app/

COPY package.json package-lock.json ./
RUN npm ci

COPY charge.js index.js logger.js ./

EXPOSE 50051
ENTRYPOINT ["/usr/bin/tini", "--", "docker-entrypoint.sh"]
CMD ["npm", "start"]
