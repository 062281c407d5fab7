FROM python:3.12
RUN ( pip install --upgrade pip && ln -sf /usr/local/bin/pip /usr/bin/pip ) && \
    pip install -r requirements.txt
