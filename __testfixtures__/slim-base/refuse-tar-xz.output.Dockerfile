FROM python:3.12
COPY app.tar.xz /tmp/
RUN tar -xf /tmp/app.tar.xz -C /opt && rm /tmp/app.tar.xz
CMD ["python", "/opt/app/main.py"]
