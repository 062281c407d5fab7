FROM debian:13-slim
ARG TARGETARCH

EXPOSE 8082

RUN mkdir -p /srv/feeds/data
RUN groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app && \
    chown 10001:10001 /srv/feeds/data
VOLUME /srv/feeds/data

COPY artifacts/feeds-${TARGETARCH}-runner /srv/feeds/feeds
WORKDIR /srv/feeds
USER 10001:10001

CMD ["./feeds"]
