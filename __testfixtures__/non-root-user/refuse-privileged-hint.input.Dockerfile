# Run Spotify in a container
#
# docker run -d \
#	-v /tmp/.X11-unix:/tmp/.X11-unix \
#	-e DISPLAY=unix$DISPLAY \
#	--device /dev/snd:/dev/snd \
#	--name spotify \
#	jess/spotify
#
FROM debian:bookworm-slim

RUN apt-get update && apt-get install -y --no-install-recommends \
	alsa-utils \
	libgl1-mesa-dri \
	&& rm -rf /var/lib/apt/lists/*

COPY local.conf /etc/fonts/local.conf

ENTRYPOINT [ "spotify" ]
