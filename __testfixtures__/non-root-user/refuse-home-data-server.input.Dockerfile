FROM golang:1.24 AS build
WORKDIR /go/src/ollama
COPY . .
RUN go build -o /bin/ollama .

FROM ubuntu:24.04
RUN apt-get update \
    && apt-get install -y ca-certificates \
    && rm -rf /var/lib/apt/lists/*
COPY --from=build /bin/ollama /usr/bin/ollama
ENV OLLAMA_HOST=0.0.0.0:11434
EXPOSE 11434
ENTRYPOINT ["/bin/ollama"]
CMD ["serve"]
