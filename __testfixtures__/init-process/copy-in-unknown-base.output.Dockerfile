FROM --platform=linux/amd64 alpine:3.24 AS tini
RUN apk add --no-cache tini-static

FROM --platform=linux/amd64 registry.example.com/team/runtime:3 AS app
COPY --from=tini /sbin/tini-static /sbin/tini
ENTRYPOINT ["/sbin/tini", "--", "sh", "-c", "./prepare && ./serve"]
