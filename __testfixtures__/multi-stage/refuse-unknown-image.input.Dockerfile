FROM registry.example.com/toolchains/go:1.22
WORKDIR /src
COPY . .
RUN go build -o /out/api ./cmd/api
CMD ["/out/api"]
