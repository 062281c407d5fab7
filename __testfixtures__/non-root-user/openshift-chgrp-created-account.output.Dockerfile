FROM debian:12-slim
WORKDIR /opt/app
COPY build/ .
RUN chgrp -R 0 /opt/app && chmod -R g=u /opt/app
RUN groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app && \
    mkdir -p /data && \
    chown 10001:0 /data
USER 10001:0
VOLUME /data
CMD ["./server"]
