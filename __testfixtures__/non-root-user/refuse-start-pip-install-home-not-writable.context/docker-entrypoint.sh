#!/bin/bash
set -e

# Install additional Python packages from the EXTRA_PACKAGES env var, on every start.
if [ -n "$EXTRA_PACKAGES" ]; then
    echo "Ensuring extra packages installed: $EXTRA_PACKAGES"
    pip3 install --no-cache-dir $EXTRA_PACKAGES
fi

# Execute the main command
exec "$@"
