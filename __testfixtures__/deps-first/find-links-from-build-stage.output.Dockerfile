FROM python:3.12-slim AS builder
RUN pip wheel --wheel-dir /wheels flask

FROM python:3.12-slim
WORKDIR /app
COPY --from=builder /wheels /wheels
COPY requirements.txt ./
RUN pip install --no-index --find-links=/wheels -r requirements.txt
COPY . .
CMD ["python", "app.py"]
