FROM node:20-slim AS base
WORKDIR /app
USER node

FROM alpine:3.24 AS tini
RUN apk add --no-cache tini-static

FROM base
COPY --from=tini /sbin/tini-static /sbin/tini
COPY --chown=node:node . .
ENTRYPOINT ["/sbin/tini", "--", "./start.sh"]
