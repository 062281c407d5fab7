FROM python:3.12-slim
RUN apt-get update && apt-get install --no-install-recommends -y git openssh-client && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY requirements.txt .
# requirements.txt names `acme-lib @ git+ssh://git@github.com/acme/lib.git`: pip clones it over the forwarded agent
RUN --mount=type=ssh pip install --no-cache-dir -r requirements.txt
COPY . .
CMD ["python", "-m", "app"]
