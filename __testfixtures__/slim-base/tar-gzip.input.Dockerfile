FROM python:3.12
COPY app.tar.gz /tmp/
RUN tar -xzf /tmp/app.tar.gz -C /opt && rm /tmp/app.tar.gz
CMD ["python", "/opt/app/main.py"]
