# Built as `docker build --build-arg RUNTIME=pypy .` too: pypy has no 3.12-slim tag.
ARG RUNTIME=python
FROM $RUNTIME:3.12
COPY app.py /app.py
CMD ["python", "/app.py"]
