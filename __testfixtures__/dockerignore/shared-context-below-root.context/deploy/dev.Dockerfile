FROM python:3.12-slim
WORKDIR /app
COPY . .
COPY .vscode /root/.vscode
ENV DOTENV_PATH=/app/.env
CMD ["python", "app.py"]
