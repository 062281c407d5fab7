# A RUN edits the start script in place after the COPY: the image holds what sed leaves.
FROM node:20-bookworm-slim
WORKDIR /usr/src/app
COPY . .
RUN sed -i 's|server.js|dist/server.js|' /usr/src/app/start.sh
CMD ["./start.sh"]
