FROM debian:bookworm-slim AS agent
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl unzip \
    && rm -rf /var/lib/apt/lists/*
RUN curl -fsSL -o /tmp/alloy.zip https://github.com/grafana/alloy/releases/download/v1.4.2/alloy-linux-amd64.zip && unzip /tmp/alloy.zip -d /usr/local/bin && rm /tmp/alloy.zip
ENTRYPOINT ["/usr/local/bin/alloy-linux-amd64"]

FROM golang:1.23 AS test
ADD https://github.com/grafana/alloy/archive/refs/tags/v1.4.2.tar.gz /src/alloy.tar.gz
RUN tar -xzf /src/alloy.tar.gz -C /src && rm /src/alloy.tar.gz
WORKDIR /src/alloy-1.4.2
CMD ["go", "test", "./..."]
