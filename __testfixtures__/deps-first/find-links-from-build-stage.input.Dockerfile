FROM python:3.12-slim AS builder
RUN pip wheel --wheel-dir /wheels flask

FROM python:3.12-slim
WORKDIR /app
COPY --from=builder /wheels /wheels
COPY . .
RUN pip install --no-index --find-links=/wheels -r requirements.txt
CMD ["python", "app.py"]
