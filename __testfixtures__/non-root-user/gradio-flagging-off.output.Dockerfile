FROM python:3.10-slim

WORKDIR /app

RUN pip install --no-cache-dir gradio

COPY app.py .
RUN groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app
USER 10001:10001
ENV GRADIO_FLAGGING_MODE=never

CMD ["python", "app.py"]
