from node:20-alpine
workdir /home/node/app
copy --chown=node:node . .
user node
run npm ci --ignore-scripts