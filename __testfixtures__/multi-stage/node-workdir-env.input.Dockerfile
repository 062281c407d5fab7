FROM node:20-alpine

# Some packages (e.g. @google-cloud/profiler) require additional
# deps for post-install scripts
RUN apk add --update --no-cache \
    python3 \
    make \
    g++

ENV APP_HOME=/usr/src/app
WORKDIR $APP_HOME

COPY package*.json ./

RUN npm install --only=production

COPY . .

EXPOSE 7000

ENTRYPOINT [ "node", "server.js" ]
