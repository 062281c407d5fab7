FROM node:20-alpine AS assets
RUN apk add --no-cache python3 make g++

FROM python:3.12 AS build
RUN apt-get update && apt-get install --no-install-recommends -y libpq-dev
RUN pip install --no-cache-dir --prefix=/install -r requirements.txt

FROM python:3.12-slim
COPY --from=build /install /usr/local
RUN pip install --no-cache-dir gunicorn
