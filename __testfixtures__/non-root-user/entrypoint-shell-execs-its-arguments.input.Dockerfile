# `exec "$@"` and `exec "$0" "$@"` run the shell's own arguments, the CMD, which is read where it stands: no variable
# an ENV would have to set.
FROM node:22-bookworm-slim
COPY server.js /app/server.js
ENTRYPOINT ["sh", "-c", "umask 002 && exec \"$0\" \"$@\""]
CMD ["node", "/app/server.js"]
