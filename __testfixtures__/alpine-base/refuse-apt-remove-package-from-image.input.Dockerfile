# curl comes with the node image, not with this stage's install: Alpine's image may not have it to remove.
FROM node:20-bookworm

RUN apt-get update \
    && apt-get install -y --no-install-recommends unzip \
    && curl -fsSL -o /tmp/app.zip https://example.com/app.zip \
    && unzip /tmp/app.zip -d /opt/app \
    && apt-get purge -y --auto-remove curl unzip \
    && rm -rf /var/lib/apt/lists/* /tmp/app.zip

CMD ["node", "/opt/app/index.js"]
