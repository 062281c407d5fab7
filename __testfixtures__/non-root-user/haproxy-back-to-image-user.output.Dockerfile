FROM haproxy:3.2-alpine
USER root
RUN apk add --no-cache curl
COPY haproxy.cfg /usr/local/etc/haproxy/haproxy.cfg
USER 99:99
EXPOSE 8080
