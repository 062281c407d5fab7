FROM postgres:17.4-alpine3.21

# Schema applied by the entrypoint on first start
COPY db/init.sql /docker-entrypoint-initdb.d/init.sql

EXPOSE 5432
CMD ["docker-entrypoint.sh", "postgres", "-c", "max_connections=200"]
