FROM python:3.12-slim
ENV HOME=/root
WORKDIR /app
COPY . .
RUN groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app
USER 10001:10001
ENV HOME=/home/app
CMD ["python", "/app/main.py"]
