FROM python:3.12
ADD https://example.com/download/ /tmp/
RUN tar -xzf /tmp/download -C /srv && rm /tmp/download
