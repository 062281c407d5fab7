FROM node:22-alpine
# The index update leads its line, with the next command after it there.
RUN mkdir -p /usr/share/man/man1 && \
    npm install pnpm@10 -g && \
    apk update && apk upgrade && \
    apk add --no-cache \
        curl \
        git
RUN mkdir -p /srv/app \
    && apk update && apk add git \
    && git --version
CMD ["node"]
