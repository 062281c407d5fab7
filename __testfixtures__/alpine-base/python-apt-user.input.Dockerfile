FROM python:3.12-slim
ENV PYTHONUNBUFFERED=1
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpq5 curl \
    && rm -rf /var/lib/apt/lists/*
RUN groupadd -g 1000 app && useradd -u 1000 -g app -m -d /home/app app
USER app
WORKDIR /home/app
COPY --chown=app:app app.py .
CMD ["python", "app.py"]
