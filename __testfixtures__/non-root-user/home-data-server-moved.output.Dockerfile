FROM golang:1.24 AS build
WORKDIR /go/src/ollama
COPY . .
RUN go build -o /bin/ollama .

FROM ubuntu:24.04
RUN apt-get update \
    && apt-get install -y ca-certificates \
    && rm -rf /var/lib/apt/lists/*
COPY --from=build /bin/ollama /usr/bin/ollama
RUN groupadd --system --gid 10001 app \
    && useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app \
    && mkdir -p /models \
    && chown 10001:10001 /models
USER 10001:10001
ENV OLLAMA_HOST=0.0.0.0:11434 OLLAMA_MODELS=/models
VOLUME /models
EXPOSE 11434
ENTRYPOINT ["/bin/ollama"]
CMD ["serve"]
