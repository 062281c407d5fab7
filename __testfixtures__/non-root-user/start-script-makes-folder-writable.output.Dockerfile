FROM python:3.12-slim
WORKDIR /srv/app
COPY . .
RUN groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app && \
    mkdir -p /data && \
    chown 10001:10001 /data
USER 10001:10001
VOLUME /data
CMD ["./start.sh"]
