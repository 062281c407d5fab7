FROM python:3.12-slim
SHELL ["pwsh", "-Command"]
RUN apt-get update
CMD ["python"]
