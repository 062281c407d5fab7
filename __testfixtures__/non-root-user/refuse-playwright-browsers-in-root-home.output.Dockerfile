FROM node:22-bookworm
# the browsers the screenshot service drives
RUN npx -y playwright@1.46.0 install --with-deps
WORKDIR /app
COPY . .
RUN npm ci
CMD ["node", "src/index.js"]
