FROM debian:bookworm

RUN apt-get update && apt-get install -y --no-install-recommends \
		autoconf \
		automake \
		make \
	&& rm -rf /var/lib/apt/lists/*
