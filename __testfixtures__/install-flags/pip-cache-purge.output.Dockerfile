FROM python:3.9.5-slim
RUN pip install gunicorn \
    && pip cache purge
RUN pip install flask && pip3 cache remove '*'
RUN pip cache purge && pip install --no-cache-dir requests
