# syntax=docker/dockerfile:1
FROM golang:1.22 AS build
ARG GOLANGCI_LINT_VERSION=v1.57.2
ADD https://github.com/golangci/golangci-lint.git#${GOLANGCI_LINT_VERSION} /src
ADD git@github.com:moby/buildkit.git#v0.13.0 /buildkit
WORKDIR /src
RUN go build -o /out/golangci-lint ./cmd/golangci-lint
