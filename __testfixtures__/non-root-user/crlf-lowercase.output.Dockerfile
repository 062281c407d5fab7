from alpine:3.20

run apk add --no-cache curl
copy healthcheck.sh /usr/local/bin/healthcheck
run addgroup -S -g 10001 app && adduser -S -D -u 10001 -G app app
user 10001:10001

cmd ["healthcheck"]
