FROM node:20
RUN npm install -g typescript && npm cache clean --force
RUN apt-get update && apt-get install -y git && rm -rf /var/lib/apt/lists/*

FROM node:20 AS other
RUN apt-get update && apt-get install -y git && rm -rf /var/lib/apt/lists/*
RUN npm cache clean --force
