FROM haproxy:3.2-alpine
USER root
RUN apk add --no-cache curl
COPY haproxy.cfg /usr/local/etc/haproxy/haproxy.cfg
EXPOSE 8080
