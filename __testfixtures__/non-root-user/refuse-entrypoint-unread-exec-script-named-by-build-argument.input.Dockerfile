# The ENV takes the script's folder from a build argument: /app/start.sh (which switches no user) is only what a
# plain build runs, and `--build-arg APP=…` names another script, which may.
FROM node:22-bookworm-slim
ARG APP=/app
ENV APP=$APP
COPY start.sh /app/start.sh
COPY server.js /app/server.js
CMD exec $APP/start.sh
