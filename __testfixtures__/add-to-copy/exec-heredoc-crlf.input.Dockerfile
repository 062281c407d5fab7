# syntax=docker/dockerfile:1
from alpine:3.19
add ["test file", "/tmp/test file"]
add <<EOF /etc/motd
Welcome to the build box
EOF
add	--link ./etc/ /etc/
run cat /etc/motd