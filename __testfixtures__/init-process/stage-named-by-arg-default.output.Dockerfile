ARG BUILD_ENV=git

FROM node:lts-alpine AS build
RUN apk add --no-cache curl git
WORKDIR /opt/etherpad-lite
COPY ./package.json ./

FROM build AS build_git
ONBUILD COPY ./.git/HEA[D] ./.git/HEAD

FROM build AS build_copy

FROM build_${BUILD_ENV} AS production
RUN apk add --no-cache tini
ENV NODE_ENV=production
COPY ./src ./src
RUN bin/installDeps.sh

EXPOSE 9001
ENTRYPOINT ["/sbin/tini", "--", "docker-entrypoint.sh"]
CMD ["pnpm", "run", "prod"]
