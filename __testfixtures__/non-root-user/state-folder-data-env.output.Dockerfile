FROM debian:bookworm-slim
WORKDIR /quickwit
# the data folder the server writes its indexes to, and one a build tool only reads
RUN mkdir config qwdata cache
COPY quickwit /usr/local/bin/quickwit
RUN groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app && \
    chown -R 10001:10001 /quickwit/qwdata
USER 10001:10001
ENV QW_CONFIG=/quickwit/config/quickwit.yaml
ENV QW_DATA_DIR=/quickwit/qwdata
ENV TOOL_HOME=/quickwit/cache
ENTRYPOINT ["quickwit"]
