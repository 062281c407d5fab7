FROM python:3.12
RUN pip install --upgrade pip && \
    pip install -r requirements.txt && \
    pip check
