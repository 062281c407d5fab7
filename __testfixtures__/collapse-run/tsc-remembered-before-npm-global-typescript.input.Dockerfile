FROM debian:bookworm
RUN apt-get update && apt-get install -y node-typescript && tsc --version
RUN npm install -g typescript@5 && tsc -p .
