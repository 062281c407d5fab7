FROM ubuntu:22.04
RUN apt-get update && apt-get install -y nodejs npm && \
    ( npm install -g npm@10 ) && \
    npx --yes prisma generate
