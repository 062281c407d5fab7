FROM ubuntu:22.04
RUN apt-get update && apt-get install -y --no-install-recommends rsyslog
CMD tail -F /var/log/*.log
