FROM node:20-bookworm-slim AS source
WORKDIR /workspace
COPY . .
RUN npm ci

FROM source AS build
RUN npx nx build dashboard --configuration=production

FROM nginx:1.27-alpine
COPY --from=build /workspace/dist/apps/dashboard /usr/share/nginx/html
