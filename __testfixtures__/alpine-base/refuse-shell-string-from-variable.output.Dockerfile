FROM node:20-slim
ARG EXTRA_PACKAGES=git
# a string only known at build time: it may run apt-get, which Alpine does not have
RUN sh -c "apt-get update && apt-get install -y --no-install-recommends $EXTRA_PACKAGES"
CMD ["node", "index.js"]
