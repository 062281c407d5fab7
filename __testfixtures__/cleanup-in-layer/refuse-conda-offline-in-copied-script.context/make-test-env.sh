#!/bin/sh
set -eu
# The environment above holds every package this one needs.
conda create -y -n test --offline --clone app
