FROM ubuntu:22.04
RUN apt-get update && apt-get install -y --no-install-recommends git make && rm -rf /var/lib/apt/lists/*
ENV SOURCE=/go/src/example.com/agent
WORKDIR ${SOURCE}
RUN groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app
USER 10001:10001
ENTRYPOINT ["./scripts/entry"]
CMD ["ci"]
