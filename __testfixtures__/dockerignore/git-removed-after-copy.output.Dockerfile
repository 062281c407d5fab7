FROM python:3.12-slim-bookworm
RUN useradd --system hc
WORKDIR /opt/healthchecks
COPY requirements.txt /tmp/
RUN pip install --no-cache-dir -r /tmp/requirements.txt
COPY . /opt/healthchecks/
RUN \
    rm -f /opt/healthchecks/hc/local_settings.py && \
    rm -rf /opt/healthchecks/.git && \
    DEBUG=False SECRET_KEY=build-key ./manage.py collectstatic --noinput
USER hc
CMD ["uwsgi", "/opt/healthchecks/docker/uwsgi.ini"]
