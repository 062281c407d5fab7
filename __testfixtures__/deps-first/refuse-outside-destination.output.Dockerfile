FROM python:3.12-slim
COPY . /srv/app
WORKDIR /srv
RUN pip install -r app/requirements.txt
