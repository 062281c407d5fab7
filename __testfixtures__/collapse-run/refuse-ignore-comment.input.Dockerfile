FROM debian:bookworm
RUN apt-get update
# hadolint ignore=DL3008
RUN apt-get install -y curl
