FROM alpine:3.20
RUN apk --no-cache add ca-certificates libcap \
    && mkdir -p /opt/dns/conf \
    && chown -R nobody: /opt/dns
COPY --chown=nobody:nogroup dns-server /opt/dns/dns-server
RUN setcap 'cap_net_bind_service=+eip' /opt/dns/dns-server
EXPOSE 53/udp 3000/tcp
WORKDIR /opt/dns
ENTRYPOINT ["/opt/dns/dns-server"]
