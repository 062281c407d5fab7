FROM python:3.11-slim
RUN python -m venv /opt/venv
ENV PATH="/opt/venv/bin:$PATH"
RUN ( pip install --upgrade pip ) && \
    pip install -r requirements.txt
