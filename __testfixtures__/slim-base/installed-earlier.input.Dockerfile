FROM python:3.12
RUN apt-get update && apt-get install -y --no-install-recommends build-essential && rm -rf /var/lib/apt/lists/*
COPY ext.c /src/ext.c
RUN gcc -shared -o /src/ext.so /src/ext.c
CMD ["python"]
