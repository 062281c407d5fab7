# No WORKDIR, and ubi-minimal's own is not known: the COPY to ./ puts start.sh in that same folder, where
# ./start.sh is looked up, so the script run is the build context's start.sh, read like any other.
FROM registry.access.redhat.com/ubi8/ubi-minimal
COPY start.sh ./
RUN chmod +x start.sh
CMD ["./start.sh"]
