FROM debian:sid-slim
RUN apt-get update && apt-get install -yq --no-install-recommends \
    ca-certificates \
    curl \
 && rm -rf /var/lib/apt/lists/*
RUN apt-get update && apt-get install -y \
	mpc \
	mpd \
	--no-install-recommends \
	&& rm -rf /var/lib/apt/lists/*
# recommends wanted on purpose
RUN apt-get install -y --install-recommends texlive
RUN apt-get install -y -o APT::Install-Recommends=false git
RUN apt-get -o APT::Install-Recommends=0 install -y make
RUN apt-get update
RUN apt-cache search curl
