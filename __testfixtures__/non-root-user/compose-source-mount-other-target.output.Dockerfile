FROM python:3.12-alpine AS base
WORKDIR /app
COPY requirements.txt .
RUN pip install -r requirements.txt

FROM base AS dev
CMD ["mkdocs", "serve", "-a", "0.0.0.0:8000"]

FROM base AS build
COPY . .
RUN mkdocs build

FROM python:3.12-alpine
WORKDIR /srv
COPY --from=build /app/site ./site
RUN addgroup -S -g 10001 app && adduser -S -D -u 10001 -G app app
USER 10001:10001
CMD ["python", "-m", "http.server", "8000", "--directory", "site"]
