# changedetection.io: the entrypoint installs EXTRA_PACKAGES with pip each time the container starts.
FROM python:3.11-slim-bookworm

ENV PYTHONUNBUFFERED=1

RUN [ ! -d "/datastore" ] && mkdir /datastore

COPY changedetectionio /app/changedetectionio
COPY changedetection.py /app/changedetection.py

WORKDIR /app

# Copy and set up entrypoint script for installing extra packages
COPY docker-entrypoint.sh /docker-entrypoint.sh
RUN chmod +x /docker-entrypoint.sh

# Set entrypoint to handle EXTRA_PACKAGES env var
ENTRYPOINT ["/docker-entrypoint.sh"]

CMD ["python", "./changedetection.py", "-d", "/datastore"]
