# syntax=docker/dockerfile:1.4
FROM node:20 AS development
WORKDIR /code
COPY package.json package-lock.json ./
RUN npm ci
COPY . /code
CMD [ "node", "src/index.js" ]

FROM development as dev-envs
RUN <<EOF
apt-get update
apt-get install -y --no-install-recommends git
EOF
CMD [ "npm", "run", "dev" ]
