FROM golang:1.22

WORKDIR /go/src/app

COPY . .
RUN go build -o links ./cmd/server
RUN groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app && \
    mkdir -p /go/src/app/data && \
    chown 10001:10001 /go/src/app/data
USER 10001:10001

VOLUME /go/src/app/data
CMD ["/go/src/app/links"]
