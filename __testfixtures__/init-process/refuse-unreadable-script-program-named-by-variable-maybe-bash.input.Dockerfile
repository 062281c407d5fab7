# Oracle's RAC image: the final stage builds on a stage a build argument picks, so /bin/sh may be bash, which
# replaces itself with the program; the program is named with a variable, and execs systemd, which must be PID 1.
ARG SLIMMING=false
FROM oraclelinux:9 AS rac-image-slim-false
ENV INITSH="initsh"
COPY $INITSH /opt/scripts/startup/
RUN cp /opt/scripts/startup/$INITSH /usr/bin/$INITSH && chmod 755 /usr/bin/$INITSH

FROM rac-image-slim-${SLIMMING} AS final
ENTRYPOINT /usr/bin/$INITSH
