FROM python:3.12
WORKDIR /app
COPY . .
RUN pip install --no-cache-dir -r requirements.txt
RUN python install_plugins.py
CMD ["gunicorn", "app.wsgi", "--bind", "0.0.0.0:8000"]
