FROM apache/airflow:slim-2.9.3-python3.11
USER root
RUN apt-get update \
  && apt-get install -y --no-install-recommends openjdk-17-jre-headless \
  && rm -rf /var/lib/apt/lists/*
COPY dags/ /opt/airflow/dags/
