FROM ubuntu:24.04

RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates tzdata \
    && rm -rf /var/lib/apt/lists/*

# The build context holds one folder per architecture (amd64/, arm64/).
ARG TARGETARCH
RUN mkdir /usr/local/lib/app /app
COPY ${TARGETARCH}/app.sh ${TARGETARCH}/app /app/
COPY ${TARGETARCH}/libgeos.so /usr/local/lib/app/

WORKDIR /app/
ENV PATH=/app:$PATH
EXPOSE 26257 8080
ENTRYPOINT ["/app/app.sh"]
