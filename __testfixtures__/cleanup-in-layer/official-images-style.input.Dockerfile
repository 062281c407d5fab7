FROM debian:bookworm-slim

# runtime dependencies
RUN set -eux; \
	apt-get update; \
	apt-get install -y --no-install-recommends \
		ca-certificates \
		netbase \
		tzdata \
	; \
	update-ca-certificates

ENV LANG C.UTF-8
