FROM golang:1.23-bookworm AS app
WORKDIR /src
COPY . .
RUN go build -o /usr/local/bin/app .
CMD ["app"]

FROM node:20-bookworm-slim AS docs-build
WORKDIR /docs
COPY docs .
RUN npm ci && npm run build

FROM nginx:1.27-alpine AS docs
COPY --from=1 /docs/build /usr/share/nginx/html
