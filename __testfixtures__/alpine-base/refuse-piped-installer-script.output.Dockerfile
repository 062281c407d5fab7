FROM node:22-bookworm-slim

RUN npm install -g markdownlint-cli@0.41.0 && npm cache clean --force

ENV REVIEWDOG_VERSION=v0.20.3
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates git wget \
    && rm -rf /var/lib/apt/lists/*
RUN wget -O - -q https://raw.githubusercontent.com/reviewdog/reviewdog/master/install.sh \
    | sh -s -- -b /usr/local/bin/ ${REVIEWDOG_VERSION}

COPY entrypoint.sh /entrypoint.sh
ENTRYPOINT ["/entrypoint.sh"]
