# No WORKDIR, and ubi-minimal's own is not known: the COPY to ./ puts start.sh in that same folder, where
# ./start.sh is looked up, so the script run is the build context's start.sh, read like any other.
FROM registry.access.redhat.com/ubi8/ubi-minimal
COPY start.sh ./
RUN chmod +x start.sh
RUN microdnf install -y shadow-utils && \
    microdnf clean all && \
    groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app
USER 10001:10001
CMD ["./start.sh"]
