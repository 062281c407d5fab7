#!/bin/sh
set -e
python -m compileall .
