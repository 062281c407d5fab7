FROM ubuntu:22.04
RUN apt-get update && apt-get install -y nodejs npm
RUN npm install -g npm@10
RUN npx --yes prisma generate
