# The runtime is only published for amd64.
FROM --platform=linux/amd64 registry.example.com/team/runtime:3 AS base
WORKDIR /srv
COPY bin/ ./bin/

FROM --platform=linux/amd64 alpine:3.24 AS tini
RUN apk add --no-cache tini-static

FROM base
COPY --from=tini /sbin/tini-static /sbin/tini
ENV MODE=production
ENTRYPOINT ["/sbin/tini", "--", "sh", "-c", "./bin/prepare && ./bin/serve"]
