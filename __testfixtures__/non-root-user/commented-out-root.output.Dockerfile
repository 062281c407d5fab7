FROM python:3.12-alpine
WORKDIR /app
COPY . .
RUN addgroup -S -g 10001 app && adduser -S -D -u 10001 -G app app
USER 10001:10001
# USER root
CMD ["python3", "app.py"]
