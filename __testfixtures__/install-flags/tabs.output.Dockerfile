FROM debian:bookworm
RUN	apt-get update \
	&& apt-get install --no-install-recommends	-y	curl ca-certificates \
	&& gem install --no-document mdl \
	&& rm -rf /var/lib/apt/lists/*
