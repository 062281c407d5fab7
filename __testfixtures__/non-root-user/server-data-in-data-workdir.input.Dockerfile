FROM debian:bookworm-slim

COPY etcd /usr/local/bin/

# etcd keeps default.etcd where it starts: a data folder the user is given.
WORKDIR /var/lib/etcd/

EXPOSE 2379 2380
CMD ["/usr/local/bin/etcd"]
