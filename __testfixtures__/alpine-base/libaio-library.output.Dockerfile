FROM python:3.13-alpine
RUN apk add --no-cache libaio
COPY app.py /app/app.py
CMD ["python", "/app/app.py"]
