FROM python:3.12-slim
RUN apt-get update && apt-get install --no-install-recommends -y git && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY requirements.txt .
RUN --mount=type=secret,id=netrc,target=/root/.netrc pip install --no-cache-dir -r requirements.txt
COPY . .
CMD ["python", "-m", "app"]
