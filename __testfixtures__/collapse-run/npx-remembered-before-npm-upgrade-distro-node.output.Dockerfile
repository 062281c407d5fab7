FROM ubuntu:22.04
RUN apt-get update && apt-get install -y nodejs npm && \
    ( npx --yes node-gyp --version ) && \
    ( npm install -g npm@10 ) && \
    npx --yes prisma generate
