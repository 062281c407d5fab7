FROM node:20 AS build
WORKDIR /app
COPY . .
RUN npm run build

FROM nginx:1.25
COPY --from=build /app/dist /usr/share/nginx/html
