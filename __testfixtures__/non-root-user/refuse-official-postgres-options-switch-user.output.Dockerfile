FROM postgres:16-alpine
COPY schema.sql /docker-entrypoint-initdb.d/
CMD ["-c", "shared_buffers=256MB", "-c", "max_connections=200"]
