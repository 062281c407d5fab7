FROM debian:bookworm-slim

RUN set -eux; \
	groupadd -r postgres --gid=999; \
	mkdir -p /var/lib/postgresql
RUN set -ex; \
	apt-get update; \
	apt-get install -y --no-install-recommends gosu; \
	rm -rf /var/lib/apt/lists/*
ENV PG_MAJOR=16
RUN set -ex; \
	cd /usr/src; \
	make install
RUN set -ex; \
	ldconfig; \
	rm -rf /usr/src/*
ENV PGDATA=/var/lib/postgresql/data
RUN set -ex; \
	mkdir -p "$PGDATA"; \
	test -d "$PGDATA/db" || mkdir "$PGDATA/db"
RUN set -ex; \
	chown -R postgres "$PGDATA"; \
	chmod 700 "$PGDATA"
ENV LANG=en_US.utf8
RUN set -ex; \
	mkdir -p /docker-entrypoint-initdb.d; \
	set -ex; \
	set +e; \
	localedef -i en_US -c -f UTF-8 en_US.UTF-8
RUN set -ex; \
	chmod 775 /docker-entrypoint-initdb.d; \
	chown postgres /docker-entrypoint-initdb.d

CMD ["postgres"]
