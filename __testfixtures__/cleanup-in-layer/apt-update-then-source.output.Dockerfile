FROM debian:bookworm
RUN apt-get update && apt-get source --download-only hello
COPY build.sh /build.sh
CMD ["/build.sh"]
