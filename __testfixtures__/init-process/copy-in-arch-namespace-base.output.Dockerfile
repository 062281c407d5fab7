FROM arm64v8/python:3.11-slim-bookworm AS builder
WORKDIR /app
COPY . .
RUN python -m venv venv && ./venv/bin/pip install --no-cache-dir .

FROM --platform=linux/arm64 alpine:3.24 AS tini
RUN apk add --no-cache tini-static

FROM arm64v8/python:3.11-slim-bookworm
COPY --from=tini /sbin/tini-static /sbin/tini

COPY --from=builder /app /app
WORKDIR /app

EXPOSE 5000
ENTRYPOINT [ "/sbin/tini", "--", "./scripts/entrypoint.sh" ]
