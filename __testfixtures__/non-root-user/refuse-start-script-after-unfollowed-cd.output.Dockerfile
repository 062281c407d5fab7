FROM python:3.12-slim
ENV APP_HOME=/app
COPY app /app
RUN pip install --no-cache-dir -r /app/requirements.txt
CMD ["sh", "-c", "cd \"$APP_HOME\" && exec ./start.sh"]
