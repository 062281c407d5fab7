FROM debian:bookworm-slim AS build
RUN mkdir -p /var/lib/dpkg/status.d

FROM gcr.io/distroless/base-debian12
COPY --from=build /var/lib/dpkg/status.d /var/lib/dpkg/status.d
WORKDIR /var/lib/app
COPY server .
USER 65532:65532
ENTRYPOINT ["/var/lib/app/server"]
