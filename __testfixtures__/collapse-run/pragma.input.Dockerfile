FROM debian:bookworm
RUN apt-get update
# hadolint ignore=DL3059
RUN apt-get install -y curl
RUN curl --version
RUN mkdir /a
# dockshift-ignore collapse-run
RUN mkdir /b
