#!/usr/bin/env bash
python3 -m pip install selenium requests
python3 test.py $1
