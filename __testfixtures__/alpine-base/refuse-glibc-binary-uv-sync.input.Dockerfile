FROM python:3.12 AS build-python
WORKDIR /app
COPY --from=ghcr.io/astral-sh/uv:0.8 /uv /bin/
ENV UV_SYSTEM_PYTHON=1 UV_PROJECT_ENVIRONMENT=/usr/local
RUN --mount=type=bind,source=uv.lock,target=uv.lock \
    --mount=type=bind,source=pyproject.toml,target=pyproject.toml \
    uv sync --locked --no-install-project --no-editable

FROM python:3.12-slim
COPY --from=build-python /usr/local/lib/python3.12/site-packages/ /usr/local/lib/python3.12/site-packages/
COPY . /app
WORKDIR /app
CMD ["python3", "manage.py"]
