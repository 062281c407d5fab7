FROM python:3.12-slim-bookworm
RUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*
COPY start /app/bin/start
ENTRYPOINT ["/usr/bin/tini", "--", "/app/bin/start"]
CMD ["serve"]
