FROM python:3.12-slim
WORKDIR /srv
COPY app /app
RUN pip install --no-cache-dir -r /app/requirements.txt
CMD cd /app && ./start.sh
