# syntax=docker/dockerfile:1.7-labs
FROM node:20-alpine
WORKDIR /app
COPY --exclude=*.md . .
RUN npm ci
