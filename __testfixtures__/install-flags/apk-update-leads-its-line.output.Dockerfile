FROM node:22-alpine
# The index update leads its line, with the next command after it there.
RUN mkdir -p /usr/share/man/man1 && \
    npm install pnpm@10 -g && \
    apk upgrade --no-cache && \
    apk add --no-cache \
        curl \
        git
RUN mkdir -p /srv/app \
    && apk add --no-cache git \
    && git --version
CMD ["node"]
