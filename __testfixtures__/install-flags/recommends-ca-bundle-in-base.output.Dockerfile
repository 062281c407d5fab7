# python's slim image keeps ca-certificates: libcurl4 and git lose nothing https needs
FROM python:3.12-slim
RUN apt-get update && apt-get install --no-install-recommends -y libcurl4 git && rm -rf /var/lib/apt/lists/*
RUN git clone https://github.com/acme/app.git /app
CMD ["python", "-m", "app"]
