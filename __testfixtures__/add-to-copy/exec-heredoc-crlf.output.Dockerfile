# syntax=docker/dockerfile:1
from alpine:3.19
copy ["test file", "/tmp/test file"]
copy <<EOF /etc/motd
Welcome to the build box
EOF
copy	--link ./etc/ /etc/
run cat /etc/motd