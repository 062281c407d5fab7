FROM python:3.12 AS build
RUN apt-get update && apt-get install -y libpq-dev
RUN pip install --prefix=/install -r requirements.txt

FROM python:3.12-slim AS base
RUN apt-get update && apt-get install -y libpq5

FROM base
COPY --from=build /install /usr/local
RUN pip install gunicorn
