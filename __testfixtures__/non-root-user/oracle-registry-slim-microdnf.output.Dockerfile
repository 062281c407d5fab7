FROM container-registry.oracle.com/os/oraclelinux:9-slim
RUN microdnf install -y openssl ca-certificates && microdnf clean all
COPY bin/server /usr/local/bin/server
RUN microdnf install -y shadow-utils && \
    microdnf clean all && \
    groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app
USER 10001:10001
CMD ["/usr/local/bin/server"]
