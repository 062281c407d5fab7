FROM python:3.12-slim
WORKDIR /app
COPY --chmod=600 app.key /etc/app/app.key
COPY app.py .
CMD ["python", "app.py"]
