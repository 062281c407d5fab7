ARG BASE_IMAGE=debian
ARG BASE_TAG=bookworm
FROM ${BASE_IMAGE}:${BASE_TAG}
COPY app /app
CMD ["/app"]
