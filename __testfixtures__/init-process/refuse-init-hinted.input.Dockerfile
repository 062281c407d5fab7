FROM node:22-bookworm-slim
COPY . /app
WORKDIR /app
# Run with `docker run --init`: npm does not pass signals on.
CMD ["npm", "start"]
