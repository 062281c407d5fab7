FROM node:20
RUN node --version
RUN npm install -g typescript@5 && tsc -p .
