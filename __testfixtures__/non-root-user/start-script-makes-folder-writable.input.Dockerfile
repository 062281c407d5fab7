FROM python:3.12-slim
WORKDIR /srv/app
COPY . .
VOLUME /data
CMD ["./start.sh"]
