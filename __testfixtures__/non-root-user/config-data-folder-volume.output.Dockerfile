# Built from the root of the repository: docker build -f cmd/server/Dockerfile.debug .
FROM gcr.io/distroless/static-debian12:debug
COPY cmd/server/server /usr/bin/server
COPY cmd/server/docker-config.yaml /etc/server/local-config.yaml
RUN ["/busybox/sh", "-c", "mkdir -p /server && chown 65532:65532 /server"]
USER 65532:65532
VOLUME /server
EXPOSE 3100
ENTRYPOINT ["/usr/bin/server"]
CMD ["-config.file=/etc/server/local-config.yaml"]
