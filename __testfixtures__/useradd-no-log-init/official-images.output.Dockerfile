FROM debian:bookworm-slim

# add our user and group first to make sure their IDs get assigned consistently
RUN groupadd -r mysql && useradd -r -g mysql mysql

RUN groupadd -r cassandra --gid=999 && useradd -r -g cassandra --uid=999 cassandra

RUN set -eux; \
	groupadd --system --gid 10001 app; \
	useradd --no-log-init --system --gid app --uid 10001 --home-dir /app --shell /usr/sbin/nologin app
