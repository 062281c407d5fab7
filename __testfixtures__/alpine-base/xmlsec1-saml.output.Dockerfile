FROM python:3.12-alpine
RUN apk add --no-cache \
    xmlsec \
    xmlsec-dev
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
CMD ["python", "app.py"]
