# A workspace: people work in it with docker exec
FROM python:3.12-bookworm
WORKDIR /work
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
CMD ["sleep", "infinity"]
