FROM node:24-alpine AS node_base
RUN apk add --no-cache curl

# Fix CVE-2025-64756 by replacing vulnerable glob in @import-meta-env/cli (ships glob@11.0.2, fix requires >=11.1.0)
RUN mkdir -p /tmp/glob-fix && \
  cd /tmp/glob-fix && \
  npm install glob@11.1.0 && \
  rm -rf /usr/lib/node_modules/@import-meta-env/cli/node_modules/glob && \
  cp -r node_modules/glob /usr/lib/node_modules/@import-meta-env/cli/node_modules/ && \
  rm -rf /tmp/glob-fix

# The scratch folder's .npmrc says where npm's cache is: npm run from another folder would not read it
RUN mkdir -p /tmp/serialize-fix && \
  cd /tmp/serialize-fix && \
  echo "cache=/tmp/serialize-fix/.cache" > .npmrc && \
  npm install serialize-javascript@7.0.3 && \
  cp -r node_modules/serialize-javascript /usr/lib/node_modules/@import-meta-env/cli/node_modules/ && \
  rm -rf /tmp/serialize-fix
