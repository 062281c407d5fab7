FROM node:20
RUN npm install -g typescript
RUN apt-get update && apt-get install -y git
RUN npm cache clean --force

FROM node:20 AS other
RUN apt-get update && apt-get install -y git
RUN npm cache clean --force
