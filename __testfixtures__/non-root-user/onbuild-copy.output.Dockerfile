FROM python:3.12-slim
WORKDIR /app
RUN groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app
USER 10001:10001
ONBUILD COPY . /app/
CMD ["python", "app.py"]
