FROM python:3.12-slim-bookworm
WORKDIR /app
RUN pip install --no-cache-dir gunicorn supervisor
COPY . /app
ENTRYPOINT ["/app/bin/docker-entrypoint"]
CMD ["server"]
