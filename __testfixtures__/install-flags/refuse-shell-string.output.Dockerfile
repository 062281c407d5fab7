FROM python:3.12-slim
WORKDIR /app
COPY requirements.txt .
RUN sh -c "pip install --upgrade pip && pip install -r requirements.txt"
# Already flagged inside the string: nothing to say
RUN bash -c "apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*"
COPY . .
CMD ["python", "app.py"]
