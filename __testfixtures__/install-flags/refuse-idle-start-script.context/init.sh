#!/usr/bin/env bash
set -e
nginx
tail -f /dev/null;
