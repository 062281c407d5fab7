FROM debian:bookworm
# hadolint global ignore=DL3059 # these RUNs are cached apart on purpose
RUN apt-get update
RUN apt-get install -y curl
