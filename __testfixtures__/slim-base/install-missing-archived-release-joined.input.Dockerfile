FROM python:3.8-buster
RUN sed -i 's|deb.debian.org|archive.debian.org|g; /security/d; /buster-updates/d' /etc/apt/sources.list && \
    apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY app.py .
HEALTHCHECK CMD curl -f http://localhost:8000/ || exit 1
CMD ["python", "app.py"]
