#!/bin/bash
set -e
exec /usr/bin/weed -logtostderr=true "$@"
