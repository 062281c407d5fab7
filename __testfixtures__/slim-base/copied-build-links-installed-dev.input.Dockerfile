# The exporter is C, built against libpq
FROM debian:bookworm AS exporter
RUN apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev libpq-dev && rm -rf /var/lib/apt/lists/*
COPY exporter.c /src/
RUN gcc -O2 -o /usr/local/bin/pg-exporter /src/exporter.c -lpq

FROM python:3.12-bookworm
COPY --from=exporter /usr/local/bin/pg-exporter /usr/local/bin/
COPY app.py /app/
CMD ["python", "/app/app.py"]
