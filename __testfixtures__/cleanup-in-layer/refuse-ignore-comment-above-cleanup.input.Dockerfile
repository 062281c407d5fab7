FROM debian:bookworm
RUN apt-get update \
	&& apt-get install -y --no-install-recommends curl

# hadolint ignore=DL3059
RUN rm -rf /var/lib/apt/lists/*

RUN set -eux; \
	curl -fsSL https://example.com/a.sh -o /a.sh
