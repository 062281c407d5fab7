ARG FROM_IMAGE=example/allinone:1.35.3
FROM $FROM_IMAGE AS image_base

ENV DATA_DIR=/app/data
# The platform's runtime filesystem is read-only: make the data folder here, for its user.
RUN mkdir -p "$DATA_DIR" && \
    chown -R 9999:9999 "$DATA_DIR"

COPY deploy/platform_env.sh /app/supervisor/env/platform_env.sh

ENTRYPOINT []
CMD []
