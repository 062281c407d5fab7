FROM node:20
RUN npm install -g typescript
ENV npm_config_cache=/tmp/npm-cache
RUN npm cache clean --force
