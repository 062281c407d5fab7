FROM python:3.11-slim
ENV AIRFLOW_HOME=/opt/airflow
RUN pip install --no-cache-dir "apache-airflow==2.9.3"
COPY dags/ /opt/airflow/dags/
EXPOSE 8080
CMD ["airflow", "standalone"]
