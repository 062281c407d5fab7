FROM ubuntu:22.04
RUN <<EOF
set -eux
groupadd -r app
useradd -r -g app app
EOF
RUN ["useradd", "-r", "-u", "1001", "svc"]
SHELL ["/bin/tcsh", "-c"]
RUN useradd -m tcshuser
