#!/bin/sh
set -e
if [ "${LATENCY_MS:-0}" -gt 0 ]; then
  tc qdisc add dev eth0 root netem delay "${LATENCY_MS}ms"
fi
ip link set dev eth0 txqueuelen 10000
exec sleep infinity
