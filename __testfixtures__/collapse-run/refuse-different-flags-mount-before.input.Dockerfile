FROM python:3.12-slim
RUN --mount=type=cache,target=/root/.cache/uv \
    uv pip install "/dist/app.tar.gz"
RUN uv pip uninstall setuptools
