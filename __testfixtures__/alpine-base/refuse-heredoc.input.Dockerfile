# syntax=docker/dockerfile:1
FROM python:3.12-slim
RUN <<EOF
apt-get update
apt-get install -y curl
EOF
CMD ["python"]
