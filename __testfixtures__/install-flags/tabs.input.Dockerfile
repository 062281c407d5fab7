FROM debian:bookworm
RUN	apt-get update \
	&& apt-get install	-y	curl \
	&& gem install mdl \
	&& rm -rf /var/lib/apt/lists/*
