FROM node:22-bookworm-slim
ENV NODE_ENV=production \
    APP_DATA_DIR=/srv/notes-data
RUN apt-get update \
    && apt-get install -y --no-install-recommends sqlite3 \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /opt/notes
COPY package.json server.js ./
RUN mkdir -p /srv/notes-data && chown 1000:1000 /srv/notes-data
USER 1000:1000
EXPOSE 3000
CMD ["node", "server.js"]
