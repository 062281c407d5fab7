FROM python:3.12-slim
ARG APP_USER
RUN useradd --create-home "$APP_USER"
USER ${APP_USER}
WORKDIR /home/${APP_USER}
COPY . .
CMD ["python", "-m", "worker"]
