#!/usr/bin/env bash
set -o errexit
apt-get -y autoremove
apt-get -y autoclean
rm -rf /var/lib/apt/lists/*
rm -rf /tmp/* /var/tmp/*
