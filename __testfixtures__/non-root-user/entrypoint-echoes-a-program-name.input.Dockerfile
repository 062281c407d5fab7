FROM python:3.12-slim
WORKDIR /opt/app
COPY entrypoint.sh /entrypoint.sh
COPY app.py migrate.py ./
ENTRYPOINT ["/entrypoint.sh"]
CMD ["python", "app.py"]
