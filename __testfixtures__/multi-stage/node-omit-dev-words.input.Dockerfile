FROM node:22-bookworm
WORKDIR /srv
COPY package.json package-lock.json ./
# The option's value may be the next word: npm reads `--omit dev` as `--omit=dev`.
RUN npm ci --omit dev
COPY . .
CMD ["node", "server.js"]
