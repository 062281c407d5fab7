# syntax=docker/dockerfile:1
FROM python:3.12-slim
RUN apt-get update && apt-get install -y --no-install-recommends bash && rm -rf /var/lib/apt/lists/*
RUN <<EOF bash
set -euo pipefail
pip install --no-cache-dir flask
EOF
CMD ["python"]
