FROM debian:bookworm
RUN --mount=type=secret,id=aptauth,target=/etc/apt/auth.conf.d/private.conf \
    apt-get install -y --no-install-recommends private-agent
RUN apt-get clean
