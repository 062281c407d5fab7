FROM python:3.12-bookworm
RUN mkdir -p /opt/downloads
ADD https://example.com/releases/tool-2.0.tar.gz /opt/downloads
RUN tar -xzf /opt/downloads/tool-2.0.tar.gz -C /usr/local && rm /opt/downloads/tool-2.0.tar.gz

FROM python:3.12-bookworm AS used-below
ADD https://example.com/releases/tool-2.0.tar.gz /srv/dl
RUN tar -xzf /srv/dl/tool-2.0.tar.gz -C /usr/local && rm -r /srv/dl
