FROM python:3.12-slim
# the app writes its logs under LOG_DIR, in a folder of its own
ENV LOG_DIR=/var/log CACHE_DIR=/tmp
RUN mkdir -p /var/log/myapp /tmp/myapp
COPY app.py /usr/local/bin/app.py
CMD ["python", "/usr/local/bin/app.py"]
