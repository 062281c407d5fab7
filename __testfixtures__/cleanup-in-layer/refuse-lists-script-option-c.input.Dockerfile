FROM debian:12
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates
COPY setup.sh /tmp/setup.sh
# -c is setup.sh's own option: sh runs the script, which may use the lists the RUN above leaves
RUN sh /tmp/setup.sh -c /etc/app.conf
