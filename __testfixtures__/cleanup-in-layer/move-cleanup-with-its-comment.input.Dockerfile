FROM debian:bookworm-slim
# Install curl and git
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl git

ENV APP_HOME=/srv/app

# Clean up the apt lists
# to keep the image small
RUN rm -rf /var/lib/apt/lists/*

COPY app /usr/local/bin/app
CMD ["app"]
