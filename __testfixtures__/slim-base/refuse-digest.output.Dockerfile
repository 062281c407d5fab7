FROM python:3.12@sha256:7f9e5e0a1f5a5a8b0e6d5b9d2d2c1c8b3b1e4b2c7a1d2e3f4a5b6c7d8e9f0a1b2
COPY app.py /app.py
CMD ["python", "/app.py"]
