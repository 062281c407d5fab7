FROM debian:bookworm-slim
# Install curl and git
# Clean up the apt lists
# to keep the image small
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl git \
    && rm -rf /var/lib/apt/lists/*

ENV APP_HOME=/srv/app

COPY app /usr/local/bin/app
CMD ["app"]
