from alpine:3.20

run apk add --no-cache curl
copy healthcheck.sh /usr/local/bin/healthcheck

cmd ["healthcheck"]
