FROM python:3.12-slim

RUN pip install --no-cache-dir dagster dagster-postgres

ENV DAGSTER_HOME=/opt/dagster/home
COPY --chown=10001:10001 dagster.yaml /opt/dagster/home/dagster.yaml
RUN groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app && \
    mkdir -p /opt/dagster/home && \
    chown 10001:10001 /opt/dagster/home
USER 10001:10001
VOLUME /opt/dagster/home

CMD ["dagster-daemon", "run"]
