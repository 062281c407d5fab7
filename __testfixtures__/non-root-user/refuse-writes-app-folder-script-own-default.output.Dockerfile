# keycloak-containers' init container: the script makes its folder from its own default, EXTENSIONS_VOLUME
# being set by no ENV, so it runs `mkdir -p /opt/extensions`, in a folder the build leaves to root.
FROM registry.access.redhat.com/ubi8-minimal
WORKDIR /app
COPY extensions.sh ./
CMD ["./extensions.sh"]
