FROM python:3.12-slim
RUN ["/bin/bash", "-c", "pip install --no-cache-dir flask"]
CMD ["python"]
