FROM debian:bookworm-slim

RUN mkdir -p /app
RUN set -ex; \
	apt-get update; \
	# curl for the healthcheck
	apt-get install -y --no-install-recommends \
		ca-certificates \
		curl \
	; \
	rm -rf /var/lib/apt/lists/*

WORKDIR /app
RUN groupadd -r app
RUN useradd -r -g app app
RUN set -eux; chown app:app /app; chmod 750 /app

CMD ["./start.sh"]
