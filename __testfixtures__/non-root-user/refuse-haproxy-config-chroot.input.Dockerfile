FROM haproxy:2.2-alpine
COPY haproxy.cfg /usr/local/etc/haproxy/haproxy.cfg
COPY errors/ /etc/haproxy/errors/
EXPOSE 8080 8404
ENTRYPOINT ["haproxy", "-W", "-db", "-f", "/usr/local/etc/haproxy/haproxy.cfg"]
