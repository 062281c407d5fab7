FROM node:20-bookworm
# pg is pure JavaScript: libpq-dev is left from an older pg-native setup, and nothing compiles against it.
RUN apt-get update && apt-get install -y libpq-dev postgresql-client
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev
COPY . .
CMD ["node", "server.js"]
