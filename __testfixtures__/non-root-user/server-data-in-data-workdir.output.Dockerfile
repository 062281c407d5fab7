FROM debian:bookworm-slim

COPY etcd /usr/local/bin/

# etcd keeps default.etcd where it starts: a data folder the user is given.
WORKDIR /var/lib/etcd/
RUN groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app && \
    chown -R 10001:10001 /var/lib/etcd
USER 10001:10001

EXPOSE 2379 2380
CMD ["/usr/local/bin/etcd"]
