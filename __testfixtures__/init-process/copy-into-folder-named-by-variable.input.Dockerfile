FROM node:22-bookworm-slim
COPY start.sh /start.sh
# Config files go into the web root the base image names
COPY PreConfig.js PostConfig.js $WEB_ROOT/js/
ENTRYPOINT ["/start.sh"]
