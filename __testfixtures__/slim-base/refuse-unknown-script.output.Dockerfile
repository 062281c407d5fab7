FROM node:20
WORKDIR /app
COPY scripts/setup.sh /tmp/setup.sh
RUN /tmp/setup.sh
CMD ["node", "index.js"]
