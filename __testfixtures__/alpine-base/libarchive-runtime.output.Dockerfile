FROM python:3.12-alpine
RUN apk add --no-cache libarchive libmagic
COPY app.py /app/
CMD ["python", "/app/app.py"]
