FROM debian:bookworm
RUN echo 'APT::Install-Recommends "0";' > /etc/apt/apt.conf.d/00-no-recommends
RUN apt-get update && apt-get install -y curl
