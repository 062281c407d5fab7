FROM python:3.12
RUN pip install --no-binary :all: psycopg2-binary==2.9.9
CMD ["python", "app.py"]
