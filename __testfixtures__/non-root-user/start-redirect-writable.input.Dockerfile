FROM python:3.12-slim
WORKDIR /app
COPY . .
VOLUME /data
CMD ["sh", "-c", "python migrate.py > /data/migrate.log 2>&1 && python main.py 2>/dev/null >/tmp/out.log"]
