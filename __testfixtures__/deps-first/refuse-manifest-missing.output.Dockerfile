FROM python:3.12-slim
WORKDIR /app
COPY . .
RUN pip install -r requirements/prod.txt
CMD ["gunicorn", "app:app"]
