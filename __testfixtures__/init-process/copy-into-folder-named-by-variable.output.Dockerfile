FROM node:22-bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*
COPY start.sh /start.sh
# Config files go into the web root the base image names
COPY PreConfig.js PostConfig.js $WEB_ROOT/js/
ENTRYPOINT ["/usr/bin/tini", "--", "/start.sh"]
