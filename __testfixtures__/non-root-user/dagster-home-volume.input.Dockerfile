FROM python:3.12-slim

RUN pip install --no-cache-dir dagster dagster-postgres

ENV DAGSTER_HOME=/opt/dagster/home
COPY dagster.yaml /opt/dagster/home/dagster.yaml
VOLUME /opt/dagster/home

CMD ["dagster-daemon", "run"]
