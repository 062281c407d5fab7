ARG BASE=debian:13
FROM $BASE

# an editor's workstation image: man pages are part of what it offers
RUN apt-get update \
  && apt-get install -y \
    curl \
    man-db \
    vim-tiny \
  && rm -rf /var/lib/apt/lists/*

CMD ["bash", "-l"]
