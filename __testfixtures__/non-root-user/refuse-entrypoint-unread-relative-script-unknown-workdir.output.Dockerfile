# keycloak's init container: no WORKDIR, and ubi8-minimal's own is not known, so where ./extensions.sh is looked up
# (and what it runs) is not known either.
FROM registry.access.redhat.com/ubi8-minimal
RUN microdnf update && microdnf clean all
COPY extensions.sh ./
CMD ["./extensions.sh"]
