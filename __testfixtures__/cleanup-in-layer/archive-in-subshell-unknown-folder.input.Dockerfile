FROM debian:bookworm-slim
ARG TOOL_DIR=/opt/tool
RUN ( cd "$TOOL_DIR" && curl -fsSLO https://example.com/tool.tar.gz && tar xzf tool.tar.gz ) && \
    ln -s "$TOOL_DIR/bin/tool" /usr/local/bin/tool
