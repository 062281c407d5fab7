# PYTHON_VERSION is never declared with ARG: the FROM always reads the default written here.
FROM python:${PYTHON_VERSION:-3.12}
COPY app.py /app.py
CMD ["python", "/app.py"]
