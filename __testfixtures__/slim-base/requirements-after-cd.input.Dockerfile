FROM python:3.12
WORKDIR /app
COPY . .
# pip reads backend/requirements.txt (flask, a wheel); the top-level file's psycopg2 is not installed here
RUN cd backend && pip install --no-cache-dir -r requirements.txt
CMD ["python", "backend/app.py"]
