FROM python:3.12-slim AS base
WORKDIR /srv
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt

FROM base AS release
RUN useradd --system --create-home worker && \
    mkdir -p /srv/media && chown worker /srv/media
COPY . .
USER worker
CMD ["gunicorn", "-b", "0.0.0.0:8000", "site.wsgi"]

FROM base AS dev
RUN pip install --no-cache-dir ipdb pytest
RUN mkdir -p /srv/tests
COPY . .
CMD ["python", "manage.py", "runserver", "0.0.0.0:8000"]
