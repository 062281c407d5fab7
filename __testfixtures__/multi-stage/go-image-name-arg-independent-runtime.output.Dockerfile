ARG GO_IMAGE=golang
ARG GO_VERSION=1.22
FROM ${GO_IMAGE}:${GO_VERSION}-bookworm AS build

WORKDIR /code

ENV GOPATH /go
ENV GOCACHE /go-build

COPY go.mod go.sum ./
RUN go mod download

COPY . .

RUN CGO_ENABLED=0 go build -o bin/backend main.go

FROM gcr.io/distroless/static-debian12
WORKDIR /code
COPY --from=build /code/bin/backend /code/bin/backend

EXPOSE 8000
CMD ["/code/bin/backend"]
