# syntax=docker/dockerfile:1
FROM python:3.12-slim
RUN <<EOF
#!/bin/bash
set -euo pipefail
pip install --no-cache-dir flask
EOF
CMD ["python"]
