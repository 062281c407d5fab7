FROM python:3.11-slim-bookworm
COPY app.py /app.py
CMD ["python", "/app.py"]
