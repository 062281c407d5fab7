#!/bin/bash
set -euo pipefail
echo "dataDir=${DATA_DIR:-/data}" > /opt/app.conf
