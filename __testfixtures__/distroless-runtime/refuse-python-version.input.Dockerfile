FROM python:3 AS build
RUN pip install --prefix=/install flask

FROM python:3-slim
COPY app.py /app.py
CMD ["python", "/app.py"]
