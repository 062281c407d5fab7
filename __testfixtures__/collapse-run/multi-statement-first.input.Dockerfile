FROM debian:bookworm
RUN apt-get update; apt-get install -y curl
RUN curl --version
RUN mkdir -p /opt/app; chmod 755 /opt/app
