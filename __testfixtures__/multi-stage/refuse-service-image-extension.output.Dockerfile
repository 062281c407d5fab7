ARG PG_MAJOR=16
FROM postgres:$PG_MAJOR-bookworm
ARG PG_MAJOR

COPY . /tmp/myext

RUN apt-get update && \
		apt-get install -y --no-install-recommends build-essential postgresql-server-dev-$PG_MAJOR && \
		cd /tmp/myext && \
		make OPTFLAGS="" && \
		make install && \
		rm -r /tmp/myext && \
		apt-get remove -y build-essential postgresql-server-dev-$PG_MAJOR && \
		apt-get autoremove -y && \
		rm -rf /var/lib/apt/lists/*
