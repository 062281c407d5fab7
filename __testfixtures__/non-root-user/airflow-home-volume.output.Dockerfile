FROM python:3.11-slim
ENV AIRFLOW_HOME=/opt/airflow
RUN pip install --no-cache-dir "apache-airflow==2.9.3"
COPY --chown=10001:10001 dags/ /opt/airflow/dags/
RUN groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app && \
    mkdir -p /opt/airflow && \
    chown 10001:10001 /opt/airflow
USER 10001:10001
VOLUME /opt/airflow
EXPOSE 8080
CMD ["airflow", "standalone"]
