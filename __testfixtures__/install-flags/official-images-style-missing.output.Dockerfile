FROM debian:bookworm-slim
RUN set -eux; \
	apt-get update; \
	apt-get install --no-install-recommends -y \
		ca-certificates \
		netbase \
		tzdata \
	; \
	rm -rf /var/lib/apt/lists/*
