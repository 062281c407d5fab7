# No ENV of the Dockerfile sets APP: the base image's may, or `docker run -e`.
FROM ghcr.io/acme/runtime:2
ENTRYPOINT $APP
