FROM python:3.12-slim

RUN apt-get update && apt-get install -y --no-install-recommends \
        curl \
        # psycopg builds against libpq
        libpq-dev \
        locales \
        gcc \
    && rm -rf /var/lib/apt/lists/*

RUN set -eux; \
	apt-get update; \
	apt-get install -y --no-install-recommends \
		git \
		build-essential \
	; \
	rm -rf /var/lib/apt/lists/*

WORKDIR /app
CMD ["python", "app.py"]
