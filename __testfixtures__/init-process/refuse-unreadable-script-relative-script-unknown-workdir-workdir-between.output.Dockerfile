# A relative WORKDIR after the COPY: the command looks for ./start.sh in app/, inside the unknown folder, not where
# the COPY put it.
FROM registry.access.redhat.com/ubi8/ubi-minimal
COPY start.sh ./
WORKDIR app
CMD ["./start.sh"]
