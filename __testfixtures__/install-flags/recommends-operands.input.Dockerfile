FROM debian:bookworm
ENV PG_MAJOR=15
RUN apt-get update && apt-get install -y "postgresql-client-$PG_MAJOR" `# for pg_dump` curl=7.88.1-10+deb12u5 \
    && curl -fsS https://example.com/schema.sql -o /schema.sql
