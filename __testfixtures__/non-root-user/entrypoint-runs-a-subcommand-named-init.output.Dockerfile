FROM debian:bookworm-slim
WORKDIR /opt/app
COPY bin/app /opt/app/bin/app
COPY entrypoint.sh /entrypoint.sh
RUN groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app
USER 10001:10001
ENTRYPOINT ["/entrypoint.sh"]
CMD ["serve"]
