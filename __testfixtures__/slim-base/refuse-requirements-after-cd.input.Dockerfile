FROM python:3.12
WORKDIR /app
COPY . .
# the requirements pip reads are backend/requirements.txt (psycopg2, built from source), not the top-level file
RUN cd backend && pip install --no-cache-dir -r requirements.txt
CMD ["python", "backend/app.py"]
