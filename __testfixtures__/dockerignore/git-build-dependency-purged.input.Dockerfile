FROM python:3.12-slim
RUN set -ex \
    && RUN_DEPS=" \
    libpcre3 \
    mime-support \
    postgresql-client \
    " \
    && apt-get update && apt-get install -y --no-install-recommends $RUN_DEPS \
    && rm -rf /var/lib/apt/lists/*
ADD requirements/ /requirements/
RUN set -ex \
    && BUILD_DEPS=" \
    build-essential \
    git \
    libpcre3-dev \
    libpq-dev \
    " \
    && apt-get update && apt-get install -y --no-install-recommends $BUILD_DEPS \
    && pip install --no-cache-dir -r /requirements/production.txt \
    && apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false $BUILD_DEPS \
    && rm -rf /var/lib/apt/lists/*
RUN mkdir /code/
WORKDIR /code/
ADD . /code/
EXPOSE 8000
RUN DATABASE_URL="" DJANGO_SETTINGS_MODULE=bakerydemo.settings.production python manage.py collectstatic --noinput
CMD ["gunicorn", "bakerydemo.wsgi:application", "--bind", "0.0.0.0:8000"]
