#!/bin/sh
set -e
mkdir -p /app/data
echo ready > /app/data/state
