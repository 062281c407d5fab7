# syntax=docker/dockerfile:1
FROM python:3.12-alpine
RUN <<EOF
#!/bin/sh
set -e
pip install --no-cache-dir flask
EOF
CMD ["python"]
