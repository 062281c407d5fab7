FROM python:3.12-slim
ENV XDG_CACHE_HOME=/opt/.cache
RUN --mount=type=cache,target=${XDG_CACHE_HOME}/pip pip install flask
ARG PIP_CACHE_DIR=/var/cache/pip
RUN --mount=type=cache,target=$PIP_CACHE_DIR pip install gunicorn
