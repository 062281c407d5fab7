FROM alpine:3.20

RUN apk add --no-cache strongswan

COPY ipsec.conf ipsec.secrets /etc/

CMD ["ipsec", "start", "--nofork"]
