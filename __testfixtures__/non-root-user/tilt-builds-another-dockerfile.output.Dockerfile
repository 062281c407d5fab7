FROM debian:bookworm-slim
COPY .tilt-bin/api /usr/local/bin/api
RUN groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app
USER 10001:10001
ENTRYPOINT ["/usr/local/bin/api"]
