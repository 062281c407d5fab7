FROM debian:bookworm-slim
ARG THUMBS=n
RUN apt-get update && apt-get install -y --no-install-recommends curl
# Refreshes the lists itself before it installs, when it installs at all.
RUN if [ "$THUMBS" = y ]; then \
		apt-get update \
		&& apt-get install -y --no-install-recommends ffmpeg; \
	fi
