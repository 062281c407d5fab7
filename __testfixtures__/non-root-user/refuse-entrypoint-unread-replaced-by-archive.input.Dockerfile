# A RUN unpacks an archive into the start script's folder: what it holds is not named.
FROM node:20-bookworm-slim
WORKDIR /usr/src/app
COPY . .
RUN tar xf /tmp/release.tar -C /usr/src/app
CMD ["./start.sh"]
