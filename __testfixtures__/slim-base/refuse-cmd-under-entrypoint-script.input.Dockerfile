FROM node:20
WORKDIR /app
COPY server.js ./
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["git", "pull"]
