FROM node:20-bullseye

WORKDIR /usr/src/app

# Install dependencies first so they are cached between code changes
COPY package.json package-lock.json ./
RUN npm install

COPY . .

ENV NODE_ENV=production
EXPOSE 3000

CMD npm start
