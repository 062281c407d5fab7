FROM debian:bookworm-slim
ENV APP_DATA_DIR=/srv/data
COPY app /usr/local/bin/app
COPY seed.db /srv/data/seed.db
CMD ["app"]
