FROM node:20
RUN ( cd /tmp && apt-get update && apt-get install -y python3 ) && npm install -g nodemon && rm -rf /var/lib/apt/lists/* && npm cache clean --force
