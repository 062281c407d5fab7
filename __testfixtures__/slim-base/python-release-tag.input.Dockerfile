FROM python:3.11-bookworm
COPY app.py /app.py
CMD ["python", "/app.py"]
