FROM python:3.12-slim
# the app writes its logs under LOG_DIR, in a folder of its own
ENV LOG_DIR=/var/log CACHE_DIR=/tmp
RUN mkdir -p /var/log/myapp /tmp/myapp
COPY app.py /usr/local/bin/app.py
RUN groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app && \
    chown -R 10001:10001 /var/log/myapp
USER 10001:10001
CMD ["python", "/usr/local/bin/app.py"]
