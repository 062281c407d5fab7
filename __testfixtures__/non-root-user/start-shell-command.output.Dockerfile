FROM python:3.11-slim
WORKDIR /app
COPY . .
RUN groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app
USER 10001:10001
CMD ["sh", "-c", "python migrate.py && exec python app.py"]
