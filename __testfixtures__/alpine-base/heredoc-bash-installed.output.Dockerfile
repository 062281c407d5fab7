# syntax=docker/dockerfile:1
FROM python:3.12-alpine
RUN apk add --no-cache bash
RUN <<EOF bash
set -euo pipefail
pip install --no-cache-dir flask
EOF
CMD ["python"]
