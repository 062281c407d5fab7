FROM node:20-bookworm-slim AS build
WORKDIR /usr/src/app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build
# The API stores uploaded files here.
RUN mkdir -p uploads
RUN npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /usr/src/app
COPY --from=build /usr/src/app /usr/src/app
RUN chown -R 1000:1000 /usr/src/app/uploads
USER 1000:1000
EXPOSE 3000
CMD ["node", "dist/main.js"]
