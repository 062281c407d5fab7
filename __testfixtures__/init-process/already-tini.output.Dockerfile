FROM python:3.12-slim-bookworm
RUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["sh", "-c", "python manage.py migrate && gunicorn app:app"]
