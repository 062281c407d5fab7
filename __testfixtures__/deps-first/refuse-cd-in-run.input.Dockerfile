FROM node:20-alpine
WORKDIR /app
COPY . .
RUN cd frontend && npm ci
