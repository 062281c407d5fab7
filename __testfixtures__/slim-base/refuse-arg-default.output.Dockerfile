ARG PYTHON_VERSION=3.12
ARG VARIANT=bookworm
FROM python:${PYTHON_VERSION}-${VARIANT}
COPY app.py /app.py
CMD ["python", "/app.py"]
