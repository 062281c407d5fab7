FROM ubuntu:22.04
RUN <<EOF
set -eux
groupadd -r app
useradd -r -u 100000 -g app app
EOF
RUN ["useradd", "-r", "-u", "1000001", "svc"]
SHELL ["/bin/tcsh", "-c"]
RUN useradd -m -u 200000 tcshuser
