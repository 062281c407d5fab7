FROM python:3.12
WORKDIR /app
COPY <<EOF requirements.txt
psycopg2==2.9.9
EOF
RUN pip install -r requirements.txt
CMD ["python", "-c", "import psycopg2"]
