FROM node:22-slim AS builder
WORKDIR /usr/src/app/
COPY ./package.json package.json
COPY ./package-lock.json package-lock.json
RUN npm ci --omit=dev

FROM gcr.io/distroless/nodejs22-debian12:nonroot
WORKDIR /usr/src/app/
COPY --from=builder /usr/src/app/node_modules/ node_modules/
COPY ./index.js index.js
CMD ["index.js"]
