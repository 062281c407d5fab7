#!/bin/sh
cd /etc/stunnel
cat > stunnel.conf <<_EOF_
foreground = yes
setuid = stunnel
setgid = stunnel
cert = /etc/stunnel/stunnel.pem

[${SERVICE}]
accept = ${ACCEPT}
connect = ${CONNECT}
_EOF_
exec stunnel "$@"
