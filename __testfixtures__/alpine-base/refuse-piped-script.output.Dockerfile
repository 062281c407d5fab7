FROM python:3.12-slim
RUN curl -fsSL https://deb.nodesource.com/setup_20.x | bash -
CMD ["python"]
