FROM node:22-alpine3.20
RUN apk add --no-cache dumb-init
COPY . /app
CMD ["npm", "start"]
