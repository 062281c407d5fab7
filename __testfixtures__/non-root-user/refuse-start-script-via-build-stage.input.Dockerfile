FROM node:20 AS build
WORKDIR /app
COPY package.json ./
RUN npm install
COPY scripts scripts
RUN npm run build --if-present

# the build stage's working folder, copied whole: its scripts/start.sh is the context's
FROM node:20-slim
WORKDIR /app
COPY --from=build /app ./
CMD ["/app/scripts/start.sh"]
