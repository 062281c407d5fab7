FROM debian:bookworm-slim
ARG THUMBS=n
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
# Refreshes the lists itself before it installs, when it installs at all.
RUN if [ "$THUMBS" = y ]; then \
		apt-get update \
		&& apt-get install -y --no-install-recommends ffmpeg; \
	fi \
	&& rm -rf /var/lib/apt/lists/*
