FROM alpine:3.24 AS tini
RUN apk add --no-cache tini-static

# No WORKDIR, and ubi-minimal's own is not known: the COPY to ./ puts start.sh in that same folder, where
# ./start.sh is looked up, so the script run is the build context's start.sh, which runs node without exec.
FROM registry.access.redhat.com/ubi8/ubi-minimal
COPY --from=tini /sbin/tini-static /sbin/tini
COPY start.sh ./
ENTRYPOINT ["/sbin/tini", "--"]
CMD ["./start.sh"]
