FROM node:21-alpine3.18

WORKDIR /work

COPY package.json ./

RUN set -euxo pipefail \
  ; npm install --no-audit --no-fund \
  ; mkdir assets \
  ; for l in ca de:de-DE fr:fr-FR; do \
      cp node_modules/i18n/${l#*:}.json assets/${l%:*}.json; \
    done

COPY assets/ ./assets/
RUN node_modules/.bin/webpack-cli
