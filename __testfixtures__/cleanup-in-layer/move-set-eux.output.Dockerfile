FROM debian:bookworm-slim
RUN set -eux; \
	apt-get update; \
	apt-get install -y --no-install-recommends curl; \
	apt-get clean; \
	rm -rf /var/lib/apt/lists/*

CMD ["curl", "--help"]
