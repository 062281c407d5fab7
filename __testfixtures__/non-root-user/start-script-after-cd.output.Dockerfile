FROM python:3.12-slim
WORKDIR /srv
COPY app /app
RUN pip install --no-cache-dir -r /app/requirements.txt
RUN groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app
USER 10001:10001
CMD ["sh", "-c", "cd /app && exec sh start.sh"]
