FROM alpine:3.24 AS tini
RUN apk add --no-cache tini-static

FROM node:14-buster-slim
COPY --from=tini /sbin/tini-static /sbin/tini
WORKDIR /app
COPY . .
ENTRYPOINT ["/sbin/tini", "--", "docker-entrypoint.sh"]
CMD npm run migrate && npm start
