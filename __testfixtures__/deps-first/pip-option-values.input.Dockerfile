FROM python:3.12-slim
WORKDIR /app
COPY . .
RUN pip install --no-cache-dir --root-user-action ignore --log-file /tmp/pip.log -r requirements.txt
CMD ["python", "app.py"]
