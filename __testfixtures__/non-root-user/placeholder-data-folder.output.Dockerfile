FROM node:22-alpine
ENV NODE_ENV=production
WORKDIR /kutt
COPY package.json package-lock.json ./
RUN npm ci --omit=dev
# the sources, with the empty db/ the app keeps its SQLite database in
COPY . .
RUN chown -R 1000:1000 /kutt/db
USER 1000:1000
EXPOSE 3000
CMD ["node", "server/server.js"]
