FROM python:3.12-slim
RUN pip install flask && rm -f /usr/local/bin/pip
RUN pip install gunicorn
CMD ["gunicorn"]
