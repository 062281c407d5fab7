FROM debian:bookworm-slim

RUN set -eux; \
	savedAptMark="$(apt-mark showmanual)"; \
	apt-get update; \
	apt-get install -y --no-install-recommends ca-certificates wget; \
	dpkgArch="$(dpkg --print-architecture)"; \
	wget -O /usr/local/bin/gosu "https://github.com/tianon/gosu/releases/download/1.17/gosu-$dpkgArch"; \
	chmod +x /usr/local/bin/gosu; \
	apt-mark auto '.*' > /dev/null; \
	[ -z "$savedAptMark" ] || apt-mark manual $savedAptMark > /dev/null; \
	apt-get purge -y --auto-remove; \
	rm -rf /var/lib/apt/lists/*; \
	gosu --version; \
	set -eux; \
	mkdir /data; \
	chown 999:999 /data

ENV GOSU_VERSION=1.17
RUN set -eux; \
	dpkgArch="$(dpkg --print-architecture)"; \
	echo "$dpkgArch" > /etc/arch
RUN set -eux; \
	echo "built for $dpkgArch" > /etc/motd

ENV REDIS_VERSION=7.2.5
RUN set -eux; \
	PATH="/opt/redis/bin:$PATH"; \
	redis-server --version
RUN set -eux; \
	mkdir -p /etc/redis

VOLUME /data
CMD ["bash"]
