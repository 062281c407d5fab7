FROM python:3.12-slim
COPY main.py /app/main.py
COPY start.sh /start.sh
ENTRYPOINT ["/start.sh"]
