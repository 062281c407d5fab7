# syntax=docker/dockerfile:1
FROM python:3.12-slim
RUN <<EOF
#!/usr/bin/env -S bash -e
shopt -s globstar
pip install --no-cache-dir flask
EOF
CMD ["python"]
