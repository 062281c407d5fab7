FROM python:3.12-slim
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
# apt-mark in a string su runs is not rewritten: it would run on Alpine
RUN su -c "apt-mark hold curl" root
CMD ["python", "-m", "http.server"]
