FROM node:20-alpine
WORKDIR /srv/api
COPY . .
RUN mkdir -p ./uploads
RUN chown -R 1000:1000 /srv/api/uploads
USER 1000:1000
CMD ["node", "dist/start.js"]
