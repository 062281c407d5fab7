#!/bin/bash
set -euo pipefail
PUBLIC_IPV4=$(ip -4 -json addr show internet | jq -r '.[0].addr_info[0].local')
echo "public: $PUBLIC_IPV4"
cp router.nft /tmp/router.nft
nft -f /tmp/router.nft
exec tail -f /dev/null
