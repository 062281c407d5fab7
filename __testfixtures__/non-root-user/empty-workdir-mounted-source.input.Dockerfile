FROM ubuntu:22.04
RUN apt-get update && apt-get install -y --no-install-recommends git make && rm -rf /var/lib/apt/lists/*
ENV SOURCE=/go/src/example.com/agent
WORKDIR ${SOURCE}
ENTRYPOINT ["./scripts/entry"]
CMD ["ci"]
