#!/bin/bash
set -e
curl -fsSLo /var/lib/app/seed.json https://example.com/seed.json
