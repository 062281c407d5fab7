# `ENV APP=${APP}` under an ARG: the script the shell-form CMD runs is the argument's default only in a plain build.
FROM node:22-bookworm-slim
ARG APP=/app/start.sh
ENV APP=${APP}
COPY start.sh /app/start.sh
COPY server.js /app/server.js
CMD $APP
