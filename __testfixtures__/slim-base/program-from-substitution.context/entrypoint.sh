#!/bin/sh
set -e
runner() {
  if [ "$(id -u)" = 0 ]; then echo "gosu app"; fi
}
exec $(runner) /usr/local/bin/serve "$@"
