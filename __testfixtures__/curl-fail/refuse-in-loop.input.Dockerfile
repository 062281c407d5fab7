FROM debian:bookworm-slim
ARG APP_URL=https://example.com/app.tgz
RUN for i in 1 2 3; do \
      curl -sSLo /tmp/app.tgz "$APP_URL" && break; \
      sleep 5; \
    done \
    && tar -xzf /tmp/app.tgz -C /opt
