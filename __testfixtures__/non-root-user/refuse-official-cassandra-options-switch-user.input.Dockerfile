FROM cassandra:4.1
COPY cassandra.yaml /etc/cassandra/cassandra.yaml
CMD ["-f", "-Dcassandra.ignore_dc=true"]
