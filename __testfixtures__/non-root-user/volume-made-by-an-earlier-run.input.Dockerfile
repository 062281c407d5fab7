FROM debian:13-slim
ARG TARGETARCH

EXPOSE 8082

RUN mkdir -p /srv/feeds/data
VOLUME /srv/feeds/data

COPY artifacts/feeds-${TARGETARCH}-runner /srv/feeds/feeds
WORKDIR /srv/feeds

CMD ["./feeds"]
