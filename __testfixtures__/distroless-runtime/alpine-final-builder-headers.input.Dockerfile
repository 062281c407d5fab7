FROM golang:1.22-bookworm AS builder
RUN apt-get update \
    && apt-get install -y --no-install-recommends ruby ruby-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN gem install bundler \
    && make -C ui \
    && LD_FLAGS="-extldflags -static" make bin \
    && mv bin/agent /usr/bin/agent

FROM alpine:3.20
COPY --from=builder /usr/bin/agent /usr/bin/agent
ENTRYPOINT ["agent"]
