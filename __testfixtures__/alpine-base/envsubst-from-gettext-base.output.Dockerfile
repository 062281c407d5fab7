FROM node:20-alpine
RUN apk add --no-cache gettext
WORKDIR /app
COPY . .
CMD ["sh", "-c", "envsubst < config.template.json > config.json && exec node server.js"]
