FROM python:3.12-slim-bookworm
RUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*
WORKDIR /srv
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
COPY docker/entrypoint.sh /usr/local/bin/
ENTRYPOINT [ "/usr/bin/tini", "--", "entrypoint.sh" ]
CMD ["gunicorn", "app:app"]
