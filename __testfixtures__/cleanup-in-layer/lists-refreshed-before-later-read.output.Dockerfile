FROM python:3.13-slim-trixie AS linkding
RUN apt-get update && apt-get -y install --no-install-recommends media-types libpq5 curl && rm -rf /var/lib/apt/lists/*
WORKDIR /etc/linkding
COPY . .

FROM linkding AS linkding-plus
RUN apt-get update && apt-get -y install --no-install-recommends chromium
RUN apt-get install -y --no-install-recommends gnupg2 ca-certificates
