FROM python:3.12-slim
RUN pip install --no-cache-dir uv
ENV VIRTUAL_ENV=/opt/venv PATH=/opt/venv/bin:$PATH
RUN uv venv /opt/venv
WORKDIR /app
COPY requirements.lock constraints.txt ./
RUN uv pip sync requirements.lock
COPY . .
CMD ["python", "app.py"]
