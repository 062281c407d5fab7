ARG PYTHON_VERSION=3.12
FROM python:${PYTHON_VERSION}-slim
COPY app.py /app.py
CMD ["python", "/app.py"]
