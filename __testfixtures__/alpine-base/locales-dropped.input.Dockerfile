FROM python:3.11-slim
RUN apt-get update && apt-get install -y --no-install-recommends locales tzdata \
    && rm -rf /var/lib/apt/lists/*
ENV LANG=C.UTF-8
CMD ["python", "-V"]
