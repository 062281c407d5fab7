FROM node:20
RUN node --version && \
    npm install -g typescript@5 && tsc -p .
