FROM debian:bookworm-slim
WORKDIR /quickwit
# the data folder the server writes its indexes to, and one a build tool only reads
RUN mkdir config qwdata cache
COPY quickwit /usr/local/bin/quickwit
ENV QW_CONFIG=/quickwit/config/quickwit.yaml
ENV QW_DATA_DIR=/quickwit/qwdata
ENV TOOL_HOME=/quickwit/cache
ENTRYPOINT ["quickwit"]
