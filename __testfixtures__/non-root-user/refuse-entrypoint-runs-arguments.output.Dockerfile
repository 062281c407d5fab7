FROM python:3.12-slim
WORKDIR /opt/client
RUN pip install --no-cache-dir requests
COPY entrypoint.sh /entrypoint.sh
ENTRYPOINT ["/entrypoint.sh"]
