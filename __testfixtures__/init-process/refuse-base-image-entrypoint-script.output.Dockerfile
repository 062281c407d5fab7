FROM postgres:16
COPY initdb/ /docker-entrypoint-initdb.d/
CMD ["docker-entrypoint.sh", "postgres", "-c", "shared_buffers=256MB"]
