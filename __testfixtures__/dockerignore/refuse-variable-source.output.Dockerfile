FROM python:3.12-slim
ARG APP_DIR
WORKDIR /app
COPY . .
COPY ${APP_DIR}/settings.py /app/settings.py
CMD ["python", "app.py"]
