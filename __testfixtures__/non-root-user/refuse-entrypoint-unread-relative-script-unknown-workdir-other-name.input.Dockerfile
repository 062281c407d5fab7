# The COPY puts start.sh in the unknown working folder, but the command runs ./run.sh, which no COPY puts there.
FROM registry.access.redhat.com/ubi8/ubi-minimal
COPY start.sh ./
CMD ["./run.sh"]
