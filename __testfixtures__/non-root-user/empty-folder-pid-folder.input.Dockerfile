FROM python:3.12-slim
WORKDIR /opt/app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
RUN mkdir -p /opt/app/run
EXPOSE 8000
CMD ["gunicorn", "wsgi:app", "--pid", "/opt/app/run/gunicorn.pid", "--bind", "0.0.0.0:8000"]
