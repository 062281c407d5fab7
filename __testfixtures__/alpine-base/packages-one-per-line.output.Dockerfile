FROM python:3.12-alpine

RUN apk add --no-cache \
        curl \
        # psycopg builds against libpq
        libpq-dev \
        gcc \
        musl-dev

RUN set -eux; \
	apk add --no-cache \
		git \
		build-base

WORKDIR /app
CMD ["python", "app.py"]
