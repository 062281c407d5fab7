FROM node:20 AS build
WORKDIR /app
COPY . .
RUN npm ci && npm run build

FROM nginx:1.25-alpine
# BuildKit rejects --from on ADD: COPY would quietly make this build work differently
ADD --from=build /app/dist /usr/share/nginx/html
