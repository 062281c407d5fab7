FROM python:3.12
RUN ( pip install --user --upgrade pip ) && \
    pip install -r requirements.txt
