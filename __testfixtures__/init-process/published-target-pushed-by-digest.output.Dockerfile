FROM node:20-alpine3.20 AS web
RUN apk add --no-cache tini
WORKDIR /site
COPY dist/ /site/
COPY Caddyfile /etc/caddy/Caddyfile
ENTRYPOINT ["/sbin/tini", "--", "docker-entrypoint.sh"]
CMD ["/bin/sh", "-c", "node prod_run.mjs && (webapp-server & caddy run --config /etc/caddy/Caddyfile)"]

FROM node:20-alpine3.20 AS admin
WORKDIR /site
COPY admin/ /site/
CMD ["node", "/site/prod_run.mjs"]
