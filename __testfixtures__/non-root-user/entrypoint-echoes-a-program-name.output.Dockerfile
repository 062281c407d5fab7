FROM python:3.12-slim
WORKDIR /opt/app
COPY entrypoint.sh /entrypoint.sh
COPY app.py migrate.py ./
RUN groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app
USER 10001:10001
ENTRYPOINT ["/entrypoint.sh"]
CMD ["python", "app.py"]
