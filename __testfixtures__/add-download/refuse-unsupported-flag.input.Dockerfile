FROM python:3.12
ADD --chmod=a+x https://example.com/install.sh /usr/local/bin/install-tool
RUN install-tool && rm /usr/local/bin/install-tool
