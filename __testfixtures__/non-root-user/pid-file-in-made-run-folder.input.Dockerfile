FROM python:3.12-slim
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
RUN mkdir -p /run/gunicorn
EXPOSE 8000
CMD ["gunicorn", "wsgi:app", "--pid", "/run/gunicorn/gunicorn.pid", "--bind", "0.0.0.0:8000"]
