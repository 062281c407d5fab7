FROM python:3.12-slim
COPY . /app
RUN /app/build.sh
CMD ["python", "/app/main.py"]
