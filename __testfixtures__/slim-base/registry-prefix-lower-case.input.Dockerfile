from docker.io/library/python:3.12 as app
copy app.py /app.py
cmd ["python", "/app.py"]
