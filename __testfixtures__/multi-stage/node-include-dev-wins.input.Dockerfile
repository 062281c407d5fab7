FROM node:22-bookworm
WORKDIR /srv
COPY package.json package-lock.json ./
# npm's --include wins over --omit: the build's devDependencies are installed.
RUN npm ci --omit=dev --include=dev
COPY . .
RUN npm run build
CMD ["node", "dist/server.js"]
