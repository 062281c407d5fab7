# A RUN edits the scripts a glob finds after the COPY, the start script among them: the image holds what sed leaves.
FROM node:20-bookworm-slim
WORKDIR /app
COPY start.sh server.js ./
RUN sed -i 's/a/b/' /app/*.sh
CMD ["./start.sh"]
