FROM debian:bookworm-slim
COPY vector /usr/bin/vector
# vector keeps its checkpoints and disk buffers in its data_dir
RUN mkdir -p /var/lib/vector
ENTRYPOINT ["/usr/bin/vector"]
