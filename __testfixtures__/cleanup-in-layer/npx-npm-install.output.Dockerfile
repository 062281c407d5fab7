FROM node:20
WORKDIR /app
COPY package.json package-lock.json ./
RUN npx --yes npm@10 install --omit=dev && npx --yes npm@10 cache clean --force
COPY . .
