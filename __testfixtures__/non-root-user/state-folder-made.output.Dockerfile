FROM debian:bookworm-slim
COPY vector /usr/bin/vector
# vector keeps its checkpoints and disk buffers in its data_dir
RUN mkdir -p /var/lib/vector
RUN groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app && \
    chown -R 10001:10001 /var/lib/vector
USER 10001:10001
ENTRYPOINT ["/usr/bin/vector"]
