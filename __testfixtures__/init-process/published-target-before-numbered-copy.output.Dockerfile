FROM busybox:1.36 AS web
COPY www/ /www/
CMD ["sh", "-c", "httpd -f -h /www & wait"]

FROM node:20-bookworm-slim AS assets
WORKDIR /src
COPY . .
RUN npm ci && npm run build

FROM nginx:1.27
COPY --from=1 /src/dist /usr/share/nginx/html
