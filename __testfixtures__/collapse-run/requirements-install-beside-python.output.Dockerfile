FROM python:3.12
RUN python3 --version && \
    pip install -r /tmp/requirements.txt && \
    pip install gunicorn && \
    python3 -m gunicorn --version
