FROM node:22-bookworm-slim
WORKDIR /app
COPY rootfs /
COPY index.js .
ENTRYPOINT ["app-entrypoint.sh"]
CMD ["node", "index.js"]
