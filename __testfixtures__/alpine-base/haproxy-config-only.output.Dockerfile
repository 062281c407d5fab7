FROM haproxy:3.2-alpine
COPY haproxy.cfg /usr/local/etc/haproxy/haproxy.cfg
