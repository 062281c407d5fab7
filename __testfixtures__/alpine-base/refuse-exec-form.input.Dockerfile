FROM python:3.12-slim
RUN ["apt-get", "install", "-y", "curl"]
CMD ["python"]
