FROM python:3.12-slim
WORKDIR /app
COPY requirements.txt ./
RUN pip install --no-cache-dir --root-user-action ignore --log-file /tmp/pip.log -r requirements.txt
COPY . .
CMD ["python", "app.py"]
