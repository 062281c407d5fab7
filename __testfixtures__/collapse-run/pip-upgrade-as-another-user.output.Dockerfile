FROM python:3.12-slim
RUN useradd --create-home app
USER app
WORKDIR /home/app
RUN ( pip install --upgrade pip ) && \
    pip install -r requirements.txt
