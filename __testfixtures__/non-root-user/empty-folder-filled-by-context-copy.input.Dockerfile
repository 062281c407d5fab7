FROM python:3.12-slim
ENV PYTHONUNBUFFERED=1
WORKDIR /app
# where the site keeps what users upload; the project ships the default avatars there
RUN mkdir -p /app/media
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . /app
EXPOSE 8000
CMD ["gunicorn", "mysite.wsgi:application", "--bind", "0.0.0.0:8000"]
