FROM debian:bookworm
RUN apt-get update && \
	apt-get install -y make && \
	make --version && \
	mkdir -p /build && \
	chmod 755 /build
