FROM debian:bookworm-slim

RUN set -ex; \
	mkdir -p /docker-entrypoint-initdb.d; \
	{ \
		echo 'deb http://apt.postgresql.org/pub/repos/apt bookworm-pgdg main'; \
	} > /etc/apt/sources.list.d/pgdg.list; \
	set -ex; \
	apt-get update; \
	apt-get install -y --no-install-recommends \
		postgresql-common \
	; \
	rm -rf /var/lib/apt/lists/*; \
	mkdir -p /var/run/postgresql && chmod 3777 /var/run/postgresql

CMD ["postgres"]
