FROM python:3.10-slim

WORKDIR /app

RUN pip install --no-cache-dir gradio

COPY app.py .
ENV GRADIO_FLAGGING_MODE=never

CMD ["python", "app.py"]
