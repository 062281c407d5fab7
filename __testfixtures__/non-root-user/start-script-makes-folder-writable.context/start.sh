#!/bin/sh
# folders that exist, or that any user (or this one, through its VOLUME) may make
mkdir -p /srv/app /tmp/cache
mkdir "$HOME/.config"
cp -n /srv/app/settings.default.json /data/settings.json
ln -sf /data/settings.json /tmp/settings.json
touch /tmp/ready
exec python main.py --settings /data/settings.json
