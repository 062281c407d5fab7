FROM debian:bookworm-slim
ENV APP_DATA_DIR=/srv/data
COPY app /usr/local/bin/app
COPY --chown=10001:10001 seed.db /srv/data/seed.db
RUN groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app && \
    chown -R 10001:10001 /srv/data
USER 10001:10001
CMD ["app"]
