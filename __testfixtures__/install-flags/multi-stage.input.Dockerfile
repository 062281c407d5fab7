FROM node:20-alpine AS assets
RUN apk add python3 make g++

FROM python:3.12 AS build
RUN apt-get update && apt-get install -y libpq-dev
RUN pip install --prefix=/install -r requirements.txt

FROM python:3.12-slim
COPY --from=build /install /usr/local
RUN pip install gunicorn
