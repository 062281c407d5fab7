# The registry is a build argument: CI builds from its own mirror.
ARG REGISTRY=docker.io/library
FROM ${REGISTRY}/python:3.12 AS test
COPY . /app
RUN python -m unittest discover -s /app

FROM ${REGISTRY}/python:3.12
COPY app.py /app.py
CMD ["python", "/app.py"]
