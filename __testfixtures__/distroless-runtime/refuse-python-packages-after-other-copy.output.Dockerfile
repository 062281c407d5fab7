FROM debian:trixie AS debs
RUN apt-get update && apt-get download libpq5 && mkdir -p /install && dpkg --extract libpq5_*.deb /install

FROM python:3.13-trixie AS builder
RUN pip install --no-cache-dir --prefix=/install psycopg2-binary

FROM python:3.13-slim-trixie
COPY --from=debs /install/usr /usr
COPY --from=builder /install /usr/local
COPY app.py /app.py
CMD ["python", "/app.py"]
