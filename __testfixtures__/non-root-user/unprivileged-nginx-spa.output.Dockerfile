# Build the app to a static website
FROM node:22-alpine AS builder
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts
COPY . .
RUN npm run build

# Serve it with nginx, as its unprivileged user on port 8080
FROM nginxinc/nginx-unprivileged:stable-alpine AS web
COPY --from=builder /app/build /usr/share/nginx/html/
