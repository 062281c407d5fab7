FROM debian:bookworm-slim

WORKDIR /app
COPY server ./server

# SQLite creates the database and its journal in data/, a VOLUME the user is given.
ENV DATABASE_URL=file:data/app.db
VOLUME /app/data

CMD ["./server"]
