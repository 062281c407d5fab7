# The ENV sets the variable, so the script's own default is not what it makes: /tmp/extensions, which any user may.
FROM registry.access.redhat.com/ubi8-minimal
ENV EXTENSIONS_VOLUME=/tmp/extensions
WORKDIR /app
COPY extensions.sh ./
RUN microdnf install -y shadow-utils && \
    microdnf clean all && \
    groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app
USER 10001:10001
CMD ["./extensions.sh"]
