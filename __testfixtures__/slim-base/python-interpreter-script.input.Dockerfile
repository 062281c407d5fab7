FROM python:3.12
WORKDIR /app
COPY . .
RUN pip install --no-cache-dir -r requirements.txt
# a Python script that installs nothing: its commands are Python's, and need nothing slim lacks
RUN python manage.py collectstatic --noinput
CMD ["gunicorn", "app.wsgi", "--bind", "0.0.0.0:8000"]
