FROM node:22-bookworm-slim
ARG NPM_TOKEN
WORKDIR /app
COPY package.json package-lock.json ./
RUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > ~/.npmrc \
    && npm ci --omit=dev \
    && rm -f ~/.npmrc
COPY . .
USER 1000:1000
EXPOSE 3000
CMD ["node", "server.js"]
