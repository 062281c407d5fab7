FROM python:3.12-slim
RUN pip install --no-cache-dir poetry==1.8.3
WORKDIR /app
COPY . .
RUN poetry install --no-interaction
CMD ["python", "-m", "svc"]
