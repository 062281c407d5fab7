FROM debian:bookworm-slim
COPY garage /usr/bin/garage
# garage keeps its metadata and data blocks in its data folder
RUN mkdir -p /var/lib/garage
ENTRYPOINT ["/usr/bin/garage"]
