#!/bin/sh
set -e
# needs the packages apk added before
make -C /src
make -C /src install
