FROM debian:bookworm-slim

RUN set -ex; \
	mkdir -p /app; \
	apt-get update; \
	# curl for the healthcheck
	apt-get install -y --no-install-recommends \
		ca-certificates \
		curl \
	; \
	rm -rf /var/lib/apt/lists/*

WORKDIR /app
RUN set -eux; groupadd -r app; useradd -r -g app app; chown app:app /app; chmod 750 /app

CMD ["./start.sh"]
