# keycloak's init container: no WORKDIR, and ubi8-minimal's own is not known, but the COPY puts extensions.sh in that
# same folder, where ./extensions.sh is looked up: it is read, and creates a folder under /opt, which the build leaves
# to root.
FROM registry.access.redhat.com/ubi8-minimal
RUN microdnf update && microdnf clean all
COPY extensions.sh ./
CMD ["./extensions.sh"]
