from docker.io/library/python:3.12-slim as app
copy app.py /app.py
cmd ["python", "/app.py"]
