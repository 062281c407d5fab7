# A later COPY writes a start.sh to /opt/app, which may be the unknown working folder itself.
FROM registry.access.redhat.com/ubi8/ubi-minimal
COPY start.sh ./
COPY deploy/start.sh /opt/app/start.sh
CMD ["./start.sh"]
