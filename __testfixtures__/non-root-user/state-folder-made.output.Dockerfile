FROM debian:bookworm-slim
COPY garage /usr/bin/garage
# garage keeps its metadata and data blocks in its data folder
RUN mkdir -p /var/lib/garage
RUN groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app && \
    chown -R 10001:10001 /var/lib/garage
USER 10001:10001
ENTRYPOINT ["/usr/bin/garage"]
