FROM ubuntu:24.04
COPY --from=ghcr.io/astral-sh/uv:0.5.31 /uv /uvx /bin/
ENV PATH="/root/.local/bin:$PATH"
RUN python3 --version
RUN uv python install --default --preview 3.12
RUN python3 --version
