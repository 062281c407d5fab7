FROM node:24-trixie AS build

WORKDIR /usr/src/app/

COPY package.json package-lock.json ./
RUN npm ci --omit=dev

COPY charge.js index.js logger.js ./

FROM gcr.io/distroless/nodejs24-debian13
WORKDIR /usr/src/app/
COPY --from=build /usr/src/app /usr/src/app

EXPOSE 50051
CMD ["index.js"]
