FROM node:24-alpine
WORKDIR /srv

# Fix CVE-2026-12151: replace vulnerable undici bundled in npm (ships 6.26.0, fix requires >=6.27.0)
RUN mkdir -p /srv/undici-fix && \
  cd /srv/undici-fix && \
  npm install undici@6.27.0 && \
  rm -rf /usr/local/lib/node_modules/npm/node_modules/undici && \
  cp -r node_modules/undici /usr/local/lib/node_modules/npm/node_modules/ && \
  cd /srv && \
  rm -rf /srv/undici-fix && \
  npm cache clean --force

# npm itself removed, and only a part of it put back: the cleanup runs before that
RUN npm install -g pnpm@10 && npm cache clean --force && \
  rm -rf /usr/local/lib/node_modules/npm && \
  mkdir -p /usr/local/lib/node_modules/npm/node_modules && \
  cp -r /usr/local/lib/node_modules/pnpm/node_modules/undici /usr/local/lib/node_modules/npm/node_modules/
