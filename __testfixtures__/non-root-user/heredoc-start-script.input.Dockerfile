# syntax=docker/dockerfile:1
FROM python:3.12-slim
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY app.py .
COPY --chmod=755 <<'EOF' /usr/local/bin/start
#!/bin/sh
exec gunicorn --bind 0.0.0.0:8000 app:app
EOF
CMD ["start"]
