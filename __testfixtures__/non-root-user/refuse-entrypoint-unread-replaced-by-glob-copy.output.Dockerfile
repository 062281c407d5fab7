# A RUN copies every file of a folder into the one the start script is in: the script may be one of them.
FROM node:20-bookworm-slim
WORKDIR /usr/src/app
COPY . .
RUN cp /opt/scripts/* .
CMD ["./start.sh"]
