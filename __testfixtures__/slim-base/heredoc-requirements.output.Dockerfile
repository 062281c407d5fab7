FROM python:3.12-slim
WORKDIR /app
COPY <<EOF requirements.txt
flask==3.0.3
gunicorn==22.0.0
EOF
RUN pip install -r requirements.txt
COPY app.py .
CMD ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]
