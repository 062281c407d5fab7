FROM python:3.12-slim
RUN pip install --no-cache-dir uv
ENV VIRTUAL_ENV=/opt/venv PATH=/opt/venv/bin:$PATH
RUN uv venv /opt/venv
WORKDIR /app
COPY . .
RUN uv pip sync requirements.lock
CMD ["python", "app.py"]
