FROM python:3.12-slim
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN curl -fsS https://install.python-poetry.org | python3 -
