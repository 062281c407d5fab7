FROM python:3.12-slim
RUN pip install --no-cache-dir requests
COPY app.py /srv/app.py
ENTRYPOINT ["bash", "-c", "python /srv/app.py --config=/root/app.json"]
