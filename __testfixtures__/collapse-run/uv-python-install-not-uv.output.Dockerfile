FROM ubuntu:24.04
COPY --from=ghcr.io/astral-sh/uv:0.5.31 /uv /uvx /bin/
ARG PYTHON_VERSION=3.12
ENV PATH="$PATH:/root/.local/bin"
WORKDIR /usr/src
RUN uv python install ${PYTHON_VERSION} && \
    uv venv --python ${PYTHON_VERSION} && uv pip install pip setuptools packaging && \
    python3 --version
