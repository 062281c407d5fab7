# The ENV names a script that hands over to systemd with exec: where /bin/sh is bash, the script and then systemd
# are PID 1, which tini in front of the shell would take from it.
FROM ghcr.io/acme/runtime:2
ENV INITSH=runOracle.sh
COPY runOracle.sh /usr/bin/
ENTRYPOINT /usr/bin/$INITSH
