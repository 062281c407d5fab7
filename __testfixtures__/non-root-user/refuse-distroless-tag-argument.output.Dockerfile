ARG DISTROLESS_TAG

FROM golang:1.23 AS builder
WORKDIR /workspace
COPY . .
RUN CGO_ENABLED=0 go build -o manager .

FROM gcr.io/distroless/static:${DISTROLESS_TAG}
COPY --from=builder /workspace/manager /manager
ENTRYPOINT ["/manager"]
