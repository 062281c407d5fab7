ARG BASE_IMAGE=node:20
FROM ${BASE_IMAGE} AS build
WORKDIR /app
COPY . .
RUN npm run build

FROM ${BASE_IMAGE}
COPY --from=build /app/dist /app
CMD ["node", "/app/index.js"]
