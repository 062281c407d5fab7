# the base image's CA bundle is purged before the install: curl, kept in the image, needs it named
FROM python:3.12-slim
RUN apt-get purge -y ca-certificates
RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*
CMD ["python"]
