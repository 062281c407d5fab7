FROM ubuntu:22.04
RUN <<EOF
set -eux
curl -sSL https://get.docker.com | sh
EOF
RUN ["curl", "-sSLo", "/tmp/x.tgz", "https://example.com/x.tgz"]
SHELL ["/bin/tcsh", "-c"]
RUN curl -o /tmp/y.tgz https://example.com/y.tgz
