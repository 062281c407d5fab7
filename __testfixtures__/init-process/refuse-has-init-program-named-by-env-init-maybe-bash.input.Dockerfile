# The ENV names an init: where /bin/sh is bash it replaces itself with systemd, which must stay PID 1, so tini in
# front of the shell is wrong there (as for `ENTRYPOINT /usr/sbin/init`, an init already in the command).
FROM ghcr.io/acme/runtime:2
ENV INITSH=/usr/sbin/init
ENTRYPOINT $INITSH
