FROM python:3.12-slim
RUN add-apt-repository ppa:deadsnakes/ppa && apt-get update
CMD ["python"]
