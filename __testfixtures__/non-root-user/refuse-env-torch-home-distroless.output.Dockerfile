FROM python:3.11-slim AS builder
WORKDIR /usr/src/app
COPY requirements.txt .
RUN pip install --no-cache-dir --target /usr/src/app/deps -r requirements.txt
COPY app .

FROM gcr.io/distroless/python3-debian12
WORKDIR /usr/src/app
# PyTorch Hub downloads its models here when the app first loads one
ENV TORCH_HOME=/models \
    PYTHONPATH=/usr/src/app/deps
COPY --from=builder /usr/src/app /usr/src/app
ENTRYPOINT ["python3", "main.py"]
