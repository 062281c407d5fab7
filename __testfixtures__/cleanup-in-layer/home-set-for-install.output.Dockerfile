FROM node:20
RUN HOME=/tmp npm ci
