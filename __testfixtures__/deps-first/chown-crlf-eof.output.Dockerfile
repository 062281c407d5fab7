from node:20-alpine
workdir /home/node/app
copy --chown=node:node package.json package-lock.json ./
user node
run npm ci --ignore-scripts
copy --chown=node:node . .