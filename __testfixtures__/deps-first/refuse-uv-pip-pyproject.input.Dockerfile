FROM python:3.12-slim
RUN pip install --no-cache-dir uv
WORKDIR /app
COPY . .
RUN uv pip install --system -r pyproject.toml
CMD ["python", "-m", "api"]
