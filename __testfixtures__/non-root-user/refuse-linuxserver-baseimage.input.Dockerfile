FROM ghcr.io/linuxserver/baseimage-alpine:3.22

ARG WIREGUARD_RELEASE
RUN \
  echo "**** install dependencies ****" && \
  apk add --no-cache \
    iproute2 \
    openresolv && \
  rm -rf /tmp/*

# add local files
COPY root/ /

EXPOSE 51820/udp
