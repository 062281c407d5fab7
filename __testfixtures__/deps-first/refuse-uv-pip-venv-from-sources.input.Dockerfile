FROM python:3.12-slim
RUN pip install --no-cache-dir uv
WORKDIR /app
COPY . .
RUN uv pip install -r requirements.txt
CMD [".venv/bin/python", "app.py"]
