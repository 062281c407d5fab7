# The ENV sets the variable, so the script's own default is not what it makes: /tmp/extensions, which any user may.
FROM registry.access.redhat.com/ubi8-minimal
ENV EXTENSIONS_VOLUME=/tmp/extensions
WORKDIR /app
COPY extensions.sh ./
CMD ["./extensions.sh"]
