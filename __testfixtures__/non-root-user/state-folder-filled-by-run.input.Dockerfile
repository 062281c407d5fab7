FROM python:3.12-slim
RUN mkdir -p /var/log/myapp && touch /var/log/myapp/app.log
COPY app.py /usr/local/bin/app.py
CMD ["python", "/usr/local/bin/app.py", "--log", "/var/log/myapp/app.log"]
