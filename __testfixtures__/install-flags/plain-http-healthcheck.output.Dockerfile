FROM debian:bookworm AS fetch
RUN apt-get update && apt-get install --no-install-recommends -y curl && curl -f http://mirror.internal/app.tar.gz -o /app.tar.gz

FROM debian:bookworm-slim
RUN apt-get update && apt-get install --no-install-recommends -y curl ca-certificates && rm -rf /var/lib/apt/lists/*
COPY --from=fetch /app.tar.gz /srv/
HEALTHCHECK CMD curl -f http://localhost:8080/health || exit 1
CMD ["/srv/app"]
