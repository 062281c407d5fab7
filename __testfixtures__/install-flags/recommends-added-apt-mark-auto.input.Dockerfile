FROM debian:bookworm-slim
COPY . /usr/src/pgtool
RUN set -eux; \
	savedAptMark="$(apt-mark showmanual)"; \
	apt-get update; \
	apt-get install -y gcc make libpq-dev; \
	make -C /usr/src/pgtool; \
	make -C /usr/src/pgtool install; \
	apt-mark auto '.*' > /dev/null; \
	apt-mark manual $savedAptMark libpq5; \
	apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \
	rm -rf /var/lib/apt/lists/* /usr/src/pgtool
CMD ["pgtool"]
