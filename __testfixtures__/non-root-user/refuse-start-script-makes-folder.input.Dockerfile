FROM python:3.12-slim
COPY start.sh /start.sh
VOLUME [ "/data/build", "/data/output" ]
CMD ["/start.sh"]
