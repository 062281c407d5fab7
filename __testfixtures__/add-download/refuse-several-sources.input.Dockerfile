FROM python:3.12
ADD https://example.com/a.tar.gz https://example.com/b.tar.gz /tmp/
RUN tar -xzf /tmp/a.tar.gz -C /srv && tar -xzf /tmp/b.tar.gz -C /srv && rm /tmp/a.tar.gz /tmp/b.tar.gz
