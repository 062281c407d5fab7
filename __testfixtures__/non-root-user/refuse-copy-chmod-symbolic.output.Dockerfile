FROM python:3.12-slim
WORKDIR /app
COPY --chmod=go= app.key /etc/app/app.key
CMD ["python", "app.py"]
