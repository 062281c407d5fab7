FROM gcr.io/distroless/static-debian12

COPY etcd /usr/local/bin/

EXPOSE 2379 2380

# etcd keeps default.etcd in the folder it starts in: here /, root's.
CMD ["/usr/local/bin/etcd"]
