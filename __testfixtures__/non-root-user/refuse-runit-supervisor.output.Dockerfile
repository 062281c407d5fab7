FROM alpine:3.20
RUN apk add --no-cache postfix rsyslog runit
COPY service /etc/service
COPY runit_bootstrap /usr/sbin/runit_bootstrap
ENTRYPOINT ["/usr/sbin/runit_bootstrap"]
