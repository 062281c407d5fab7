#!/bin/bash
set -e
mkdir -p /var/lib/app/meta
server -init /var/lib/app/meta
