FROM python:3.8-buster
WORKDIR /app
COPY app.py .
HEALTHCHECK CMD curl -f http://localhost:8000/ || exit 1
CMD ["python", "app.py"]
