FROM python:3.12-slim
ARG POETRY_CACHE=/var/cache/pypoetry
ENV POETRY_CACHE_DIR=$POETRY_CACHE \
    POETRY_VIRTUALENVS_CREATE=false
COPY . /app
RUN pip install --no-cache-dir poetry && poetry -C /app install --only main
CMD ["python", "/app/main.py"]
