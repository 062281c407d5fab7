FROM python:3.12-slim
WORKDIR /app
COPY . .
RUN find /app -name '*.py' -printf '%P\n' > MANIFEST
CMD ["python", "-m", "app"]
