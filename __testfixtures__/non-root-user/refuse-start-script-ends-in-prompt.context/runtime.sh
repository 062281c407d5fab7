#!/bin/bash
cd /work/project
pip install -e .

LANG=C.utf8 exec bash
