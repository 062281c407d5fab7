FROM python:3.12-slim
RUN useradd -m -G sudo,docker dev
CMD ["python"]
