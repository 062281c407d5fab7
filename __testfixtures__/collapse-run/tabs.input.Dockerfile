FROM debian:bookworm
RUN apt-get update && \
	apt-get install -y make
RUN make --version
RUN mkdir -p /build && \
	chmod 755 /build
