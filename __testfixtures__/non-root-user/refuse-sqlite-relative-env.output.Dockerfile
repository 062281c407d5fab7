FROM debian:bookworm-slim

WORKDIR /app
COPY server ./server

ENV DATABASE_URL=sqlite:app.db

CMD ["./server"]
