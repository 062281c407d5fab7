FROM python:3.12-slim AS base
WORKDIR /app
COPY . .
ENTRYPOINT python -m app

FROM base AS dev
RUN pip install debugpy
CMD ["--reload"]
