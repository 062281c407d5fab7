FROM node:20-alpine AS source
WORKDIR /app
COPY . .
RUN npm ci

FROM source AS build
RUN npm run build

FROM source AS preview
CMD ["npx", "serve", "dist"]
