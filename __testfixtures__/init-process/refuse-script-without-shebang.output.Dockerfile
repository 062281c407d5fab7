FROM python:3.12-slim-bookworm
WORKDIR /app
RUN pip install --no-cache-dir gunicorn
COPY bin/start /usr/local/bin/start
COPY . /app
ENTRYPOINT ["/usr/local/bin/start"]
