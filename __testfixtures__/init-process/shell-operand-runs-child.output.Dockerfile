FROM python:3.12-slim-bookworm
RUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*
WORKDIR /app/backend
COPY ./backend .
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD [ "bash", "start.sh"]
