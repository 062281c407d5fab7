FROM python:3.12-slim
ENV APP_HOME=/srv/app
WORKDIR $APP_HOME
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
RUN mkdir -p $APP_HOME/thumbnails
CMD ["gunicorn", "wsgi:app", "--bind", "0.0.0.0:8000"]
