FROM cgr.dev/chainguard/python:latest-dev
USER root
RUN apk add --no-cache libpq
WORKDIR /app
COPY . .
RUN pip install --no-cache-dir -r requirements.txt
CMD ["python", "app.py"]
