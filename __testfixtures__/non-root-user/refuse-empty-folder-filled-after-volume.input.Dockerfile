FROM python:3.12-slim
ENV PYTHONUNBUFFERED=1
WORKDIR /app
RUN mkdir -p /app/media
VOLUME /var/cache/mysite
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . /app
EXPOSE 8000
CMD ["gunicorn", "mysite.wsgi:application", "--bind", "0.0.0.0:8000"]
