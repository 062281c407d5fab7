FROM python:3.12
RUN ( pip --version ) && \
    ( pip install -U pip ) && \
    pip --version
