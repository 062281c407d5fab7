#!/bin/bash
set -e
echo starting
exec python3 /work/serve.py
