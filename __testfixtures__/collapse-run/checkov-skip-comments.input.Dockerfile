# syntax=docker/dockerfile:1
#checkov:skip=CKV_DOCKER_2
#checkov:skip=CKV_DOCKER_3
FROM debian:bookworm-slim
RUN mkdir -p /app
RUN touch /app/ready
CMD ["cat", "/app/ready"]
