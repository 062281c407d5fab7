FROM node:20-slim
# apt-get in a string sh runs is not rewritten: it would run on Alpine
RUN sh -ec 'apt-get update && apt-get install -y --no-install-recommends git'
CMD ["node", "index.js"]
