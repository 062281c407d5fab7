FROM ubuntu:22.04
RUN apt-get update && apt-get install -y --no-install-recommends cron nginx tini && rm -rf /var/lib/apt/lists/*
COPY crontab /etc/cron.d/app
ENTRYPOINT ["/usr/bin/tini", "--", "/bin/sh", "-c", "service cron start; nginx -g 'daemon off;'"]
