# syntax=docker/dockerfile:1.4
FROM python:3.12-alpine

WORKDIR /app

COPY requirements.txt /app
RUN pip3 install -r requirements.txt

COPY . /app
RUN addgroup -S -g 10001 app && adduser -S -D -u 10001 -G app app
USER 10001:10001

ENTRYPOINT ["python3"]
CMD ["app.py"]
