FROM ubuntu:24.04
RUN apt-get update && apt-get install -y --no-install-recommends locales dbus-x11 && rm -rf /var/lib/apt/lists/* \
 && mkdir -p /var/lib/locales/supported.d && echo "en_US.UTF-8 UTF-8" > /var/lib/locales/supported.d/local && locale-gen \
 && mkdir -p /var/lib/dbus && dbus-uuidgen > /var/lib/dbus/machine-id
COPY app /usr/local/bin/app
CMD ["app"]
