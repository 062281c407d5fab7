FROM node:20 AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build

# The app folder holds node_modules, whose native modules would be glibc builds.
FROM nginx:1.27
COPY --from=build /app /usr/share/nginx/html
EXPOSE 80
