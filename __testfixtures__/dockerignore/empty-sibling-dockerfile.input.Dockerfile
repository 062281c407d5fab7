FROM python:3.12-slim
WORKDIR /srv
COPY * /srv/
CMD ["python", "main.py"]
