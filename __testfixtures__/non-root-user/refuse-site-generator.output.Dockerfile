# Builds or serves the documentation of the project mounted at /docs:
#   docker run --rm -it -p 8000:8000 -v "$PWD:/docs" docs-builder
#   docker run --rm -v "$PWD:/docs" docs-builder build
FROM python:3.12-alpine

RUN apk add --no-cache git tini \
    && pip install --no-cache-dir mkdocs-material==9.5.49

WORKDIR /docs
EXPOSE 8000

ENTRYPOINT ["/sbin/tini", "--", "mkdocs"]
CMD ["serve", "--dev-addr=0.0.0.0:8000"]
