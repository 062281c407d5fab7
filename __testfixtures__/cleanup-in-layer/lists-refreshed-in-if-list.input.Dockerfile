FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends curl
# The official images' step: the update and the install share the list of the `if`.
RUN set -ex; \
	if ! command -v gpg > /dev/null; then \
		apt-get update; \
		apt-get install -y --no-install-recommends \
			gnupg \
			dirmngr \
		; \
		rm -rf /var/lib/apt/lists/*; \
	fi
CMD ["bash"]
