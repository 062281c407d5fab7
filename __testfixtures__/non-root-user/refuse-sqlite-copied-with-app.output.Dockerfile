FROM python:3.12-slim
WORKDIR /srv
COPY requirements.txt /tmp/
RUN pip install --no-cache-dir -r /tmp/requirements.txt
COPY . /srv/app
CMD ["python", "/srv/app/app.py"]
