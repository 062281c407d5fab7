FROM debian:bookworm-slim
RUN for v in 1.2.0 1.3.0; do \
      rm -f /tmp/*.tar.gz; \
      curl -fsSL -o /tmp/plugin.tar.gz "https://example.com/plugin-$v.tar.gz" && \
      tar -xzf /tmp/plugin.tar.gz -C /opt; \
    done
