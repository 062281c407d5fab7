FROM cassandra:5.0.8@sha256:755db0086160b6898e890959343dec1544ff27e7fa8ecc955c2f4b28c40a2f1a

COPY schema/* /cassandra-schema/

ENV CQLSH_HOST=cassandra

USER 65532:65532
ENTRYPOINT ["/cassandra-schema/docker.sh"]
