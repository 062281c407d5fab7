FROM cgr.dev/chainguard/postgres:latest
ENV POSTGRES_DB=app
COPY initdb/ /docker-entrypoint-initdb.d/
