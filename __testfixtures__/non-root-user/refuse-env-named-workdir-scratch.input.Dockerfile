FROM alpine:3.19 AS builder
RUN apk add --no-cache ca-certificates

FROM scratch
ENV PORT=8080
# The app keeps its database where SERVICE_DIR says: the empty folder it starts in.
ENV SERVICE_DIR=/service
WORKDIR ${SERVICE_DIR}

COPY --from=builder /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
COPY service /usr/bin/service

EXPOSE ${PORT}
ENTRYPOINT ["/usr/bin/service"]
CMD ["server"]
