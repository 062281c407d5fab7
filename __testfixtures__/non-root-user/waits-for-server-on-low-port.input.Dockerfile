FROM node:20-slim
WORKDIR /usr/src/app
COPY package.json .
COPY wait-for-it.sh /usr/local/bin/wait-for-it.sh
EXPOSE 1880
CMD ["wait-for-it.sh", "nginx:80", "--", "npm", "start"]
