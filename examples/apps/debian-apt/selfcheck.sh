#!/bin/sh
# Say what this image can do before it is put to work fetching things over HTTPS.
curl --version | head -n 1
if [ -s /etc/ssl/certs/ca-certificates.crt ]; then
  echo "https: CA bundle present"
else
  echo "https: no CA bundle; curl will fail with error 77" >&2
  exit 1
fi
