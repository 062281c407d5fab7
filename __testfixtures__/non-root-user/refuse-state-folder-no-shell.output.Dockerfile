FROM gcr.io/distroless/static-debian12
ADD etcd /usr/local/bin/
WORKDIR /var/lib/etcd/
EXPOSE 2379 2380
CMD ["/usr/local/bin/etcd"]
