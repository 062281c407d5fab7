# The image's entrypoint ends in exec "$@": what runs is node, not the nginx the image is made for.
FROM nginx:1.27-alpine
RUN apk add --no-cache nodejs
COPY server.js /srv/server.js
USER 101:101
CMD ["node", "/srv/server.js"]
