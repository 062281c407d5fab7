# A RUN edits start.sh after the COPY, in a folder it does not follow: what it leaves is not the context's file.
FROM registry.access.redhat.com/ubi8/ubi-minimal
COPY start.sh ./
RUN sed -i 's/node/exec node/' start.sh
CMD ["./start.sh"]
