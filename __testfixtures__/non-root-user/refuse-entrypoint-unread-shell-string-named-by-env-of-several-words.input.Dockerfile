# The ENV's value is a command line, not a file's path: the shell runs start.sh with an option, which is not followed.
FROM node:22-bookworm-slim
ENV START="/app/start.sh --verbose"
COPY start.sh /app/start.sh
CMD ["sh", "-c", "$START"]
