# Converts the documents of the folder mounted at /data:
#   docker run --rm -v "$PWD:/data" docs README.md -o README.pdf
FROM debian:bookworm-slim

RUN apt-get update \
    && apt-get install -y --no-install-recommends pandoc texlive-latex-base \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /data
ENTRYPOINT ["/usr/bin/pandoc"]
