FROM container-registry.oracle.com/os/oraclelinux:10-slim-fips
RUN microdnf install -y openssl ca-certificates && microdnf clean all
COPY bin/server /usr/local/bin/server
CMD ["/usr/local/bin/server"]
