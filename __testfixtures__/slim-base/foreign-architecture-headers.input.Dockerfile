FROM python:3.12
RUN dpkg --add-architecture arm64 && apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev:arm64 && rm -rf /var/lib/apt/lists/*
RUN pip install psycopg2==2.9.9
CMD ["python"]
