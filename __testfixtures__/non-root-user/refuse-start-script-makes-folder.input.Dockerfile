FROM python:3.12-slim
COPY start.sh /start.sh
WORKDIR /data
VOLUME [ "/data/build", "/data/output" ]
CMD ["/start.sh"]
