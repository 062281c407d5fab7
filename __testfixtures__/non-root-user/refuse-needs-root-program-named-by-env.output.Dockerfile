# Oracle's RAC storage server: the shell-form ENTRYPOINT names its script with an ENV, and the script boots systemd.
FROM oraclelinux:8
ENV INITSH="initsh"
COPY $INITSH /usr/bin/$INITSH
ENTRYPOINT /usr/bin/$INITSH
