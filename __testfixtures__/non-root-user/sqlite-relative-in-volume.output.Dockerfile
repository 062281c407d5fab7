FROM debian:bookworm-slim

WORKDIR /app
COPY server ./server
RUN groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app && \
    mkdir -p /app/data && \
    chown 10001:10001 /app/data
USER 10001:10001

# SQLite creates the database and its journal in data/, a VOLUME the user is given.
ENV DATABASE_URL=file:data/app.db
VOLUME /app/data

CMD ["./server"]
