FROM debian:bookworm
RUN --mount=type=tmpfs,target=/tmp mkdir /tmp/work && cp /etc/hostname /tmp/work/a
RUN --mount=type=tmpfs,target=/tmp mkdir /tmp/work && cp /etc/hostname /tmp/work/b
