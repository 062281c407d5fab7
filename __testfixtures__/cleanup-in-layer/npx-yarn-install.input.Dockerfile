FROM node:18
WORKDIR /app
COPY package.json yarn.lock ./
RUN npx --yes yarn@1 install --frozen-lockfile --production
COPY . .
