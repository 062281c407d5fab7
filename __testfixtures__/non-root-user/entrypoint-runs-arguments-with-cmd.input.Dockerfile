FROM python:3.12-slim
WORKDIR /opt/client
RUN pip install --no-cache-dir requests
COPY entrypoint.sh /entrypoint.sh
COPY app.py .
ENTRYPOINT ["/entrypoint.sh"]
CMD ["python", "app.py"]
