FROM node:22-alpine
WORKDIR /app
COPY rootfs /
COPY index.js .
ENTRYPOINT ["app-entrypoint.sh"]
CMD ["node", "index.js"]
